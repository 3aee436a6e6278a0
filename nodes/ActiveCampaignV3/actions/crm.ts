import type { ResourceDefinition } from '../framework/registry';

/** The CRM family: Account, Account Contact, Deal, Deal Note, Pipeline, Stage (issue 4). */
export const crmResources: ResourceDefinition[] = [];
