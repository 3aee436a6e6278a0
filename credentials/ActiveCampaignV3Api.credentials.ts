import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * API URL + API key, both from ActiveCampaign's Settings > Developer page. The internal name differs
 * from n8n's built-in `activeCampaignApi`, so both packages can be installed side by side.
 */
export class ActiveCampaignV3Api implements ICredentialType {
	name = 'activeCampaignV3Api';

	displayName = 'ActiveCampaign V3 API';

	documentationUrl = 'https://developers.activecampaign.com/reference/authentication';

	icon = { light: 'file:../icons/activecampaign.svg', dark: 'file:../icons/activecampaign.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.api-us1.com',
			description:
				'Your account URL from Settings > Developer. With or without /api/3; must start with https:// (or http://).',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from Settings > Developer',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 2 },
			default: 5,
			description:
				"The most requests per second this n8n sends to the account. ActiveCampaign allows 5 per account; keep 5 even when several n8n processes share the account (they adapt to each other), or lower it to leave a fixed share to other tools.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'Api-Token': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// Same normalisation as the node: drop trailing slashes and an /api/3 suffix, then add /api/3.
			baseURL: '={{$credentials.apiUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/3$/i, "").replace(/\\/+$/, "")}}/api/3',
			url: '/users/me',
			method: 'GET',
		},
	};
}
