import { normalizeApiBaseUrl } from '../../nodes/ActiveCampaignV3/transport/baseUrl';
import { success, useEmulator } from '../helpers';
import { TIMESTAMP, invalid, seedTag } from '../operations/foundation.support';

describe('normalizeApiBaseUrl', () => {
	it.each([
		['https://acct.api-us1.com', 'https://acct.api-us1.com/api/3'],
		['https://acct.api-us1.com/', 'https://acct.api-us1.com/api/3'],
		['https://acct.api-us1.com/api/3', 'https://acct.api-us1.com/api/3'],
		['https://acct.api-us1.com/api/3/', 'https://acct.api-us1.com/api/3'],
		['  https://acct.api-us1.com//api/3//  ', 'https://acct.api-us1.com/api/3'],
		['https://ACCT.api-us1.com/API/3', 'https://acct.api-us1.com/api/3'],
		['https://proxy.example.com/activecampaign/', 'https://proxy.example.com/activecampaign/api/3'],
		['http://127.0.0.1:8080/api/3', 'http://127.0.0.1:8080/api/3'],
	])('turns %p into %p', (input, expected) => {
		expect(normalizeApiBaseUrl(input)).toBe(expected);
	});
});

describe('the API URL of the credential, through the node', () => {
	const ac = useEmulator();

	it.each([
		['as is', (url: string) => url],
		['with a trailing slash', (url: string) => `${url}/`],
		['with /api/3', (url: string) => `${url}/api/3`],
		['with /api/3/', (url: string) => `${url}/api/3/`],
		['with doubled slashes and spaces', (url: string) => `  ${url}//api/3//  `],
		['with /API/3 in capitals', (url: string) => `${url}/API/3`],
	])('reaches /api/3 exactly once when given %s', async (_case, shape) => {
		await seedTag(ac, 'VIP');
		const { json } = await ac.run('tag', 'get', { tagId: 1 }, undefined, { apiUrl: shape(ac.emulator.url) });
		expect(json).toEqual([
			success('Tag', {
				tagType: 'contact',
				tag: 'VIP',
				description: '',
				subscriber_count: '0',
				cdate: TIMESTAMP,
				created_timestamp: TIMESTAMP,
				updated_timestamp: TIMESTAMP,
				id: '1',
				links: { contactGoalTags: 'https://emulator.api-us1.com/api/3/tags/1/contactGoalTags' },
			}),
		]);
		expect(ac.emulator.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/tags/1']]);
	});

	it.each([
		[
			'ftp://',
			(url: string) => url.replace('http://', 'ftp://'),
			'Credential "API URL" must start with https:// (got "ftp:"): enter it as https://youraccount.api-us1.com',
		],
		[
			'javascript:',
			() => 'javascript:alert(1)',
			'Credential "API URL" must start with https:// (got "javascript:"): enter it as https://youraccount.api-us1.com',
		],
		['junk', () => 'my account', 'Credential "API URL" is not a valid URL: enter it as https://youraccount.api-us1.com'],
		[
			'an empty URL',
			() => '  ',
			'Credential "API URL" is empty: enter your account URL from ActiveCampaign Settings > Developer, e.g. https://youraccount.api-us1.com',
		],
		[
			'a URL with a user and password',
			(url: string) => url.replace('http://', 'http://admin:secret@'),
			'Credential "API URL" must not contain a user name or password: put the key in "API Key"',
		],
	])('refuses %s with -1 naming the credential field, and sends nothing', async (_case, shape, message) => {
		const { json, error } = await ac.run('tag', 'get', { tagId: 1 }, [{}, {}], { apiUrl: shape(ac.emulator.url) });
		expect(error).toBeUndefined();
		expect(json).toEqual([invalid('Tag', message), invalid('Tag', message)]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('checks the parameters before the credential: a bad ID is reported first', async () => {
		const { json } = await ac.run('tag', 'get', { tagId: 'abc' }, undefined, { apiUrl: 'ftp://x' });
		expect(json[0].ErrorMessage).toBe(
			'"Tag ID" (tagId) must be a positive whole number (got "abc"): The numeric ID of the tag, e.g. 12 (from Get Many Tags or Create a Tag)',
		);
	});
});
