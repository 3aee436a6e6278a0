import type { ActiveCampaignEmulator } from '../server';
import { contactRoutes } from './contacts';
import { crmRoutes } from './crm';
import { customFieldRoutes } from './customFields';
import { ecommerceRoutes } from './ecommerce';
import { listRoutes } from './lists';
import { tagRoutes } from './tags';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';

/** Every route module; later families add theirs here. */
export const allRoutes: Array<(emulator: ActiveCampaignEmulator) => void> = [
	contactRoutes,
	listRoutes,
	tagRoutes,
	crmRoutes,
	ecommerceRoutes,
	userRoutes,
	customFieldRoutes,
	webhookRoutes,
];
