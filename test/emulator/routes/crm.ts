import type { ActiveCampaignEmulator } from '../server';

/** Accounts, account contacts, deals, deal notes, pipelines (deal groups) and stages. */
export function crmRoutes(_emulator: ActiveCampaignEmulator): void {}
