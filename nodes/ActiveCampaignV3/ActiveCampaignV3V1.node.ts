import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { registry } from './actions';
import { buildProperties } from './framework/description';
import { executeItems } from './framework/execute';
import { listSearch } from './methods/listSearch';
import { resourceMapping } from './methods/resourceMapping';

/**
 * The node type `activeCampaignV3`, version 1. The file and class are named `ActiveCampaignV3V1`
 * because n8n's file-name rule strips a version suffix (`V<n>`) before comparing the file with the
 * node's name: `ActiveCampaignV3V1.node.ts` -> `ActiveCampaignV3.node.ts`, which matches
 * `activeCampaignV3`. n8n loads the class named like the file; the node type, and so every existing
 * workflow, is unchanged.
 */
export class ActiveCampaignV3V1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ActiveCampaign V3',
		name: 'activeCampaignV3',
		icon: { light: 'file:../../icons/activecampaign.svg', dark: 'file:../../icons/activecampaign.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Contacts, lists, tags, deals, accounts and e-commerce data in ActiveCampaign (API v3)',
		defaults: {
			name: 'ActiveCampaign V3',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'activeCampaignV3Api',
				required: true,
			},
		],
		properties: buildProperties(registry),
	};

	methods = { listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeItems.call(this, registry);
	}
}
