import type { ActiveCampaignEmulator } from '../server';

/** Connections, e-commerce customers, orders and order products. */
export function ecommerceRoutes(_emulator: ActiveCampaignEmulator): void {}
