import type { INodeProperties } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { useEmulator, success } from '../helpers';
import { badIdMessage, invalid, seedContact, seedTag } from '../operations/foundation.support';

/**
 * Record-ID parameters as resource locators (issue 11 item 1), run through n8n's engine: the
 * locator object in each of its modes, the plain values existing workflows hold, expressions, and
 * the -1 of a bad ID with nothing sent.
 */

const TAG_HELP = 'The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)';
const CONTACT_HELP = 'The numeric ID of the contact to tag, e.g. 8';

describe('record locators in the node descriptor', () => {
	const { description } = new ActiveCampaignV3();
	const locators = description.properties.filter((p) => p.type === 'resourceLocator');

	it('makes every record ID a user picks a locator, keeping the contract names', () => {
		const where = (op: { resource: string; operation: string }, name: string, inOptions = false) =>
			`${op.resource}.${op.operation}.${inOptions ? 'options.' : ''}${name}`;
		const found: string[] = [];
		for (const op of registry.all()) {
			for (const spec of Object.values(op.params)) if (spec.property.type === 'resourceLocator') found.push(where(op, spec.name));
			for (const spec of Object.values(op.options ?? {})) {
				if (spec.property.type === 'resourceLocator') found.push(where(op, spec.name, true));
			}
		}
		expect(found.sort()).toEqual(
			[
				'account.create.options.owner', 'account.delete.accountId', 'account.get.accountId', 'account.update.accountId',
				'account.update.options.owner', 'accountContact.create.accountId', 'accountContact.create.contactId',
				'accountContact.update.accountId', 'accountContact.update.contactId', 'connection.create.options.listId',
				'connection.delete.connectionId', 'connection.get.connectionId', 'connection.update.connectionId',
				'contact.delete.contactId', 'contact.get.contactId', 'contact.update.contactId', 'contactList.add.contactId',
				'contactList.add.listId', 'contactList.remove.contactId', 'contactList.remove.listId', 'contactTag.add.contactId',
				'contactTag.add.tagId', 'contactTag.remove.options.contactId', 'contactTag.remove.options.tagId', 'deal.create.contactId', 'deal.create.options.owner', 'deal.create.pipelineId',
				'deal.create.stageId', 'deal.delete.dealId', 'deal.get.dealId', 'deal.update.dealId', 'dealNote.create.dealId',
				'dealNote.update.dealId', 'ecommerceCustomer.create.connectionId', 'ecommerceCustomer.delete.ecommerceCustomerId',
				'ecommerceCustomer.get.options.ecommerceCustomerId', 'ecommerceCustomer.getMany.options.connectionId',
				'ecommerceCustomer.update.ecommerceCustomerId', 'ecommerceCustomer.update.options.connectionId',
				'ecommerceOrder.create.connectionId', 'ecommerceOrder.create.customerId', 'ecommerceOrder.delete.orderId',
				'ecommerceOrder.get.orderId', 'ecommerceOrder.getMany.options.customerId', 'ecommerceOrder.update.orderId',
				'ecommerceOrderProduct.getByOrderId.orderId', 'list.delete.listId', 'list.get.listId', 'pipeline.delete.pipelineId',
				'pipeline.get.pipelineId', 'pipeline.update.pipelineId', 'stage.create.pipelineId', 'stage.delete.stageId',
				'stage.get.stageId', 'stage.getMany.options.filterGroup', 'stage.update.options.group', 'stage.update.stageId',
				'tag.delete.tagId', 'tag.get.tagId', 'tag.update.tagId',
			].sort(),
		);
	});

	it('offers From List (searchable, a method the node has), By ID and By URL where the app has one', () => {
		const methods = Object.keys(new ActiveCampaignV3().methods.listSearch);
		expect(locators.length).toBeGreaterThan(40);
		for (const property of locators as INodeProperties[]) {
			expect(property.default).toEqual({ mode: 'list', value: '' });
			const [list, byId, ...rest] = property.modes ?? [];
			expect(list).toMatchObject({ name: 'list', type: 'list', typeOptions: { searchable: true } });
			expect(methods).toContain(list.typeOptions?.searchListMethod);
			expect(byId).toMatchObject({ name: 'id', type: 'string' });
			// No editor-side validation regex: n8n would refuse the whole workflow instead of one item's -1.
			expect(property.modes?.some((m) => m.validation !== undefined)).toBe(false);
			expect(rest.map((m) => m.name)).toEqual(['contactId', 'accountId', 'dealId'].includes(property.name) ? ['url'] : []);
		}
		const contact = locators.find((p) => p.name === 'contactId')!;
		expect(contact.modes?.[2]).toMatchObject({
			displayName: 'By URL',
			extractValue: { type: 'regex', regex: 'https?://[^/\\s]+/app/contacts/([0-9]+)(?:[/?#].*)?' },
		});
	});
});

describe('record locators at run time (Add a Contact Tag)', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		await seedTag(ac, 'VIP');
	});

	const tagged = (contact: string) =>
		success('ContactTag', expect.objectContaining({ contact, tag: '1', id: '1' }), 201);

	it.each([
		['From List', { __rl: true, mode: 'list', value: '2', cachedResultName: 'b@example.com' }],
		['By ID', { __rl: true, mode: 'id', value: ' 2 ' }],
		['By URL', { __rl: true, mode: 'url', value: 'https://acme.activehosted.com/app/contacts/2' }],
		['By URL with a trailing path', { __rl: true, mode: 'url', value: 'https://acme.activehosted.com/app/contacts/2/deals?x=1' }],
		['a plain number (existing workflows)', 2],
		['a plain string of digits', '2'],
		['an expression', '={{ 1 + 1 }}'],
		['an expression inside the locator', { __rl: true, mode: 'id', value: '={{ $json.contact }}' }],
	])('takes the contact %s', async (_how, contactId) => {
		const { json } = await ac.run('contactTag', 'add', { contactId: contactId as never, tagId: { __rl: true, mode: 'list', value: '1' } }, [{ contact: 2 }]);
		expect(json).toEqual([tagged('2')]);
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/contactTags', { contactTag: { contact: 2, tag: 1 } }],
		]);
	});

	it.each([
		['a locator By ID', { __rl: true, mode: 'id', value: 'abc' }, '"abc"'],
		['a locator From List', { __rl: true, mode: 'list', value: '1/../../users' }, '"1/../../users"'],
		['a plain value', '12abc', '"12abc"'],
	])('refuses a bad ID in %s with the -1 of a plain ID and sends nothing', async (_how, tagId, quoted) => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: tagId as never });
		expect(out).toEqual(invalid('ContactTag', badIdMessage('Tag ID', 'tagId', quoted, TAG_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses an address that is not a contact page with -1 and sends nothing', async () => {
		const out = await ac.one('contactTag', 'add', {
			contactId: { __rl: true, mode: 'url', value: 'https://acme.activehosted.com/app/deals/2' },
			tagId: 1,
		});
		expect(out).toEqual(
			invalid(
				'ContactTag',
				'"Contact ID" (contactId) is not the address of a contact (got "https://acme.activehosted.com/app/deals/2"): use one like https://youraccount.activehosted.com/app/contacts/12, pick one from the list or enter its ID',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('treats an empty locator (nothing picked) as a missing required ID', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: { __rl: true, mode: 'list', value: '' }, tagId: 1 });
		expect(out).toEqual(invalid('ContactTag', `"Contact ID" (contactId) is required: ${CONTACT_HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('uses the default (nothing picked) as a missing required ID', async () => {
		const out = await ac.one('contactTag', 'add', { tagId: 1 });
		expect(out).toEqual(invalid('ContactTag', `"Contact ID" (contactId) is required: ${CONTACT_HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});
});
