import {
	acTimestamp,
	applyFilters,
	applyOrder,
	compare,
	created,
	notFound,
	ok,
	paginate,
	unprocessable,
	type Database,
	type Row,
} from '../database';
import type { ActiveCampaignEmulator, Query, RouteResponse } from '../server';
import { checkCurrencyValues } from './customFields';

/**
 * Accounts, account contacts, deals, deal notes, pipelines (deal groups) and stages, written from
 * ActiveCampaign's API reference examples: string IDs in stored records, `meta.total` as a string,
 * side-loaded arrays (contacts and dealStages on deals, dealStages on pipelines), 201 on account,
 * association, deal and note creates but 200 on pipeline and stage creates (as the reference's
 * examples show), 404 `{message}` and 422 `{errors}`.
 */

const API = 'https://emulator.api-us1.com/api/3';
const CURRENCY = /^[A-Za-z]{3}$/;
const HEX_COLOR = /^[0-9A-Fa-f]{6}$/;

const isWhole = (value: unknown) =>
	(typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));

/** The 404 wording ActiveCampaign uses, on its internal entity names. */
const missing = (entity: string, id: unknown) => notFound(entity, String(id));

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

function accountFields(db: Database, accountId: string): Row[] {
	return db
		.all('accountFieldData')
		.filter((f) => f.accountId === accountId)
		.map(({ id: _id, ...field }) => field);
}

function writeAccountFields(db: Database, accountId: string, fields: unknown): RouteCheck {
	if (fields === undefined) return undefined;
	if (!Array.isArray(fields)) return unprocessable('Fields must be an array', 'fields');
	for (const entry of fields as Row[]) {
		if (!entry || !isWhole(entry.customFieldId)) return unprocessable('customFieldId is required', 'fields', 'field_missing');
	}
	const badCurrency = checkCurrencyValues(db, 'accountCustomFieldMeta', fields as Row[]);
	if (badCurrency) return badCurrency;
	for (const entry of fields as Row[]) {
		const customFieldId = Number(entry.customFieldId);
		db.removeWhere('accountFieldData', (f) => f.accountId === accountId && f.customFieldId === customFieldId);
		db.insert('accountFieldData', {
			customFieldId,
			fieldValue: entry.fieldValue,
			...(entry.fieldCurrency !== undefined ? { fieldCurrency: String(entry.fieldCurrency) } : {}),
			accountId,
		});
	}
	return undefined;
}

type RouteCheck = ReturnType<typeof unprocessable> | undefined;

function publicAccount(db: Database, row: Row, withFields: boolean): Row {
	return {
		name: row.name,
		accountUrl: row.accountUrl,
		owner: row.owner,
		createdTimestamp: row.createdTimestamp,
		updatedTimestamp: row.updatedTimestamp,
		links: [],
		...(withFields ? { fields: accountFields(db, row.id) } : {}),
		id: row.id,
	};
}

function sameName(a: unknown, b: unknown): boolean {
	return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

function accountRoutes(emulator: ActiveCampaignEmulator): void {
	// Unlike tags, the real API refuses a second account with the same name (422 duplicate).
	emulator.route('POST', '/accounts', ({ body }, db) => {
		const input: Row = body?.account ?? {};
		if (!input.name) return unprocessable('The account name was not provided.', 'name', 'field_missing');
		if (db.all('accounts').some((a) => sameName(a.name, input.name))) {
			return unprocessable(`An account named "${input.name}" already exists. Please choose a new name.`, 'name', 'duplicate');
		}
		if (input.owner !== undefined && !isWhole(input.owner)) return unprocessable('Owner must be a user ID', 'owner');
		const now = acTimestamp();
		const row = db.insert('accounts', {
			name: String(input.name),
			accountUrl: input.accountUrl === undefined ? null : String(input.accountUrl),
			owner: String(input.owner ?? '1'),
			createdTimestamp: now,
			updatedTimestamp: now,
		});
		const bad = writeAccountFields(db, row.id, input.fields);
		if (bad) {
			db.remove('accounts', row.id);
			return bad;
		}
		return created({ account: publicAccount(db, row, true) });
	});

	emulator.route('GET', '/accounts', ({ query }, db) => {
		let rows = db.all('accounts');
		if (query.search) rows = rows.filter((a) => compare('contains', a.name, query.search));
		const list = rows.map((row) => ({
			...publicAccount(db, row, true),
			contactCount: query.count_deals === 'true' ? String(db.all('accountContacts').filter((ac) => ac.account === row.id).length) : '0',
			dealCount: query.count_deals === 'true' ? String(db.all('deals').filter((d) => d.account === row.id).length) : '0',
		}));
		return paginate(list, query, 'accounts');
	});

	emulator.route('GET', '/accounts/:id', ({ params }, db) => {
		const row = db.get('accounts', params.id);
		return row ? ok({ account: publicAccount(db, row, false) }) : missing('Account', params.id);
	});

	// The account's `accountCustomFieldData` link: its custom field values, paged like every list.
	emulator.route('GET', '/accounts/:id/accountCustomFieldData', ({ params, query }, db) => {
		if (!db.get('accounts', params.id)) return missing('Account', params.id);
		const rows = db
			.all('accountFieldData')
			.filter((f) => f.accountId === params.id)
			.map((f) => ({
				id: f.id,
				accountCustomFieldMetumId: f.customFieldId,
				accountId: Number(f.accountId),
				customFieldId: f.customFieldId,
				fieldValue: f.fieldValue,
				...(f.fieldCurrency !== undefined ? { fieldCurrency: f.fieldCurrency } : {}),
				links: {
					account: `${API}/accountCustomFieldData/${f.id}/account`,
					accountCustomFieldMetum: `${API}/accountCustomFieldData/${f.id}/accountCustomFieldMetum`,
				},
			}));
		return paginate(rows, query, 'accountCustomFieldData');
	});

	emulator.route('PUT', '/accounts/:id', ({ params, body }, db) => {
		const row = db.get('accounts', params.id);
		if (!row) return missing('Account', params.id);
		const input: Row = body?.account ?? {};
		if (input.name !== undefined) {
			if (String(input.name).trim() === '') return unprocessable('The account name was not provided.', 'name', 'field_missing');
			if (db.all('accounts').some((a) => a.id !== row.id && sameName(a.name, input.name))) {
				return unprocessable(`An account named "${input.name}" already exists. Please choose a new name.`, 'name', 'duplicate');
			}
		}
		if (input.owner !== undefined && !isWhole(input.owner)) return unprocessable('Owner must be a user ID', 'owner');
		const bad = writeAccountFields(db, row.id, input.fields);
		if (bad) return bad;
		if (input.name !== undefined) row.name = String(input.name);
		if (input.accountUrl !== undefined) row.accountUrl = String(input.accountUrl);
		if (input.owner !== undefined) row.owner = String(input.owner);
		row.updatedTimestamp = acTimestamp();
		return ok({ account: publicAccount(db, row, true) });
	});

	emulator.route('DELETE', '/accounts/:id', ({ params }, db) => {
		if (!db.remove('accounts', params.id)) return missing('Account', params.id);
		db.removeWhere('accountContacts', (r) => r.account === params.id);
		db.removeWhere('accountFieldData', (r) => r.accountId === params.id);
		return ok({});
	});
}

// ---------------------------------------------------------------------------------------------
// Account contacts
// ---------------------------------------------------------------------------------------------

function publicAccountContact(row: Row): Row {
	return {
		account: row.account,
		contact: row.contact,
		jobTitle: row.jobTitle,
		createdTimestamp: row.createdTimestamp,
		updatedTimestamp: row.updatedTimestamp,
		links: {
			account: `${API}/accountContacts/${row.id}/account`,
			contact: `${API}/accountContacts/${row.id}/contact`,
		},
		id: row.id,
	};
}

/** A contact may belong to one account only: the real API's 422 for a second association. */
const ALREADY_ASSOCIATED = () =>
	unprocessable(
		'This contact is already associated with an account. We currently do not support contacts on multiple accounts.',
		'account,contact',
		'field_invalid',
	);

function accountContactRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/accountContacts', ({ body }, db) => {
		const input: Row = body?.accountContact ?? {};
		if (input.account === undefined || input.account === '') {
			return unprocessable('The account attribute was not provided', 'account', 'field_missing');
		}
		if (input.contact === undefined || input.contact === '') {
			return unprocessable('The contact attribute was not provided', 'contact', 'field_missing');
		}
		const contact = String(input.contact);
		const account = String(input.account);
		if (!db.get('contacts', contact)) return missing('Subscriber', contact);
		if (!db.get('accounts', account)) return missing('Account', account);
		if (db.all('accountContacts').some((r) => r.contact === contact)) return ALREADY_ASSOCIATED();
		const now = acTimestamp();
		const row = db.insert('accountContacts', {
			account,
			contact,
			jobTitle: input.jobTitle === undefined ? '' : String(input.jobTitle),
			createdTimestamp: now,
			updatedTimestamp: now,
		});
		return created({ accountContact: publicAccountContact(row) });
	});

	emulator.route('GET', '/accountContacts', ({ query }, db) => {
		const rows = applyFilters(db.all('accountContacts'), query, { contact: 'contact', account: 'account' });
		return paginate(rows.map(publicAccountContact), query, 'accountContacts');
	});

	emulator.route('GET', '/accountContacts/:id', ({ params }, db) => {
		const row = db.get('accountContacts', params.id);
		return row ? ok({ accountContact: publicAccountContact(row) }) : missing('CustomerAccountSubscriber', params.id);
	});

	emulator.route('PUT', '/accountContacts/:id', ({ params, body }, db) => {
		const row = db.get('accountContacts', params.id);
		if (!row) return missing('CustomerAccountSubscriber', params.id);
		const input: Row = body?.accountContact ?? {};
		const contact = input.contact === undefined ? row.contact : String(input.contact);
		const account = input.account === undefined ? row.account : String(input.account);
		if (!db.get('contacts', contact)) return missing('Subscriber', contact);
		if (!db.get('accounts', account)) return missing('Account', account);
		if (db.all('accountContacts').some((r) => r.id !== row.id && r.contact === contact)) return ALREADY_ASSOCIATED();
		row.contact = contact;
		row.account = account;
		if (input.jobTitle !== undefined) row.jobTitle = String(input.jobTitle);
		row.updatedTimestamp = acTimestamp();
		return ok({ accountContact: publicAccountContact(row) });
	});

	emulator.route('DELETE', '/accountContacts/:id', ({ params }, db) =>
		db.remove('accountContacts', params.id) ? ok({}) : missing('CustomerAccountSubscriber', params.id),
	);
}

// ---------------------------------------------------------------------------------------------
// Pipelines (deal groups) and stages
// ---------------------------------------------------------------------------------------------

const STAGE_DEFAULTS = {
	cardRegion1: 'title',
	cardRegion2: 'next-action',
	cardRegion3: 'show-avatar',
	cardRegion4: 'contact-fullname-orgname',
	cardRegion5: 'value',
	dealOrder: 'next-action DESC',
};
const STAGE_TEXT_FIELDS = ['title', 'dealOrder', 'cardRegion1', 'cardRegion2', 'cardRegion3', 'cardRegion4', 'cardRegion5'];

function stagesOf(db: Database, groupId: string): Row[] {
	return db
		.all('dealStages')
		.filter((s) => s.group === groupId)
		.sort((a, b) => Number(a.order) - Number(b.order) || Number(a.id) - Number(b.id));
}

function publicStage(row: Row): Row {
	return { ...row, links: { group: `/api/3/dealStages/${row.id}/group` } };
}

/** `reorder=1`: orders 1..n; on equal orders the stage with the highest id comes first. */
function reorderStages(db: Database, groupId: string): void {
	const stages = db
		.all('dealStages')
		.filter((s) => s.group === groupId)
		.sort((a, b) => Number(a.order) - Number(b.order) || Number(b.id) - Number(a.id));
	stages.forEach((stage, i) => (stage.order = String(i + 1)));
}

function insertStage(db: Database, groupId: string, input: Row): Row {
	const now = acTimestamp();
	const last = stagesOf(db, groupId).reduce((max, s) => Math.max(max, Number(s.order)), 0);
	const row = db.insert('dealStages', {
		...STAGE_DEFAULTS,
		cdate: now,
		color: '3f3f3f',
		group: groupId,
		order: String(last + 1),
		title: '',
		udate: now,
		width: '280',
	});
	for (const key of STAGE_TEXT_FIELDS) if (input[key] !== undefined) row[key] = String(input[key]);
	if (input.color !== undefined) row.color = String(input.color);
	if (input.order !== undefined) row.order = String(input.order);
	if (input.width !== undefined) row.width = String(input.width);
	return row;
}

function checkStageInput(input: Row, creating: boolean): RouteCheck {
	if (creating && !input.title) return unprocessable('Title is required', 'title', 'field_missing');
	if (input.color !== undefined && !HEX_COLOR.test(String(input.color))) {
		return unprocessable('Color must be a 6-character hex code', 'color');
	}
	if (input.order !== undefined && !isWhole(input.order)) return unprocessable('Order must be a number', 'order');
	if (input.width !== undefined && !isWhole(input.width)) return unprocessable('Width must be a number', 'width');
	return undefined;
}

/** GET answers show the flags as strings; POST and PUT echo them as numbers (as the reference shows). */
function publicGroup(db: Database, row: Row, echo: boolean): Row {
	const flag = (value: string) => (echo ? Number(value) : value);
	return {
		allgroups: flag(row.allgroups),
		allusers: flag(row.allusers),
		autoassign: flag(row.autoassign),
		cdate: row.cdate,
		currency: row.currency,
		...(echo ? { dealGroupGroups: [...row.groups], dealGroupUsers: [...row.users] } : {}),
		id: row.id,
		links: {
			dealGroupGroups: `/api/3/dealGroups/${row.id}/dealGroupGroups`,
			dealGroupUsers: `/api/3/dealGroups/${row.id}/dealGroupUsers`,
			stages: `/api/3/dealGroups/${row.id}/stages`,
		},
		stages: stagesOf(db, row.id).map((s) => s.id),
		title: row.title,
		udate: row.udate,
		win_probability_initialize_date: row.win_probability_initialize_date,
	};
}

function groupSideLoads(db: Database, row: Row): Row {
	return {
		dealGroupGroups: row.groups.map((group: string) => ({ dealGroup: row.id, group })),
		dealGroupUsers: row.users.map((user: string) => ({ dealGroup: row.id, user })),
		dealStages: stagesOf(db, row.id).map(publicStage),
	};
}

function checkGroupInput(input: Row, creating: boolean): RouteCheck {
	if (creating && !input.title) return unprocessable('Title is required', 'title', 'field_missing');
	if (creating && !input.currency) return unprocessable('Currency is required', 'currency', 'field_missing');
	if (input.currency !== undefined && !CURRENCY.test(String(input.currency))) {
		return unprocessable('Currency must be a 3-letter code', 'currency');
	}
	for (const [key, allowed] of [
		['allgroups', ['0', '1']],
		['allusers', ['0', '1']],
		['autoassign', ['0', '1', '2']],
	] as const) {
		if (creating && key !== 'autoassign' && input[key] === undefined) {
			return unprocessable(`${key} is required`, key, 'field_missing');
		}
		if (input[key] !== undefined && !(allowed as readonly string[]).includes(String(input[key]))) {
			return unprocessable(`${key} must be one of ${allowed.join(', ')}`, key);
		}
	}
	for (const key of ['users', 'groups']) {
		if (input[key] !== undefined && (!Array.isArray(input[key]) || !(input[key] as unknown[]).every(isWhole))) {
			return unprocessable(`${key} must be a list of IDs`, key);
		}
	}
	return undefined;
}

function pipelineRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/dealGroups', ({ body }, db) => {
		const input: Row = body?.dealGroup ?? {};
		const bad = checkGroupInput(input, true);
		if (bad) return bad;
		const now = acTimestamp();
		const row = db.insert('dealGroups', {
			allgroups: String(input.allgroups),
			allusers: String(input.allusers),
			autoassign: String(input.autoassign ?? '0'),
			cdate: now,
			currency: String(input.currency).toLowerCase(),
			title: String(input.title),
			udate: now,
			win_probability_initialize_date: null,
			users: (input.users ?? []).map(String),
			groups: (input.groups ?? []).map(String),
		});
		// A new pipeline comes with ActiveCampaign's three default stages (see the reference example).
		for (const title of ['To Contact', 'In Contact', 'Follow Up']) insertStage(db, row.id, { title });
		return ok({ dealGroup: publicGroup(db, row, true), ...groupSideLoads(db, row) });
	});

	emulator.route('GET', '/dealGroups', ({ query }, db) => {
		// filters[title] is a partial match ("Contact" matches "In Contact" and "Contact Pipeline").
		let rows = db.all('dealGroups');
		if (query['filters[title]']) rows = rows.filter((g) => compare('contains', g.title, query['filters[title]']));
		const haveStages = query['filters[have_stages]'];
		if (haveStages === '1' || haveStages === '0') {
			rows = rows.filter((g) => (stagesOf(db, g.id).length > 0) === (haveStages === '1'));
		}
		rows = applyOrder(rows, query, { title: 'title' });
		if (query['orders[popular]']) {
			const dir = query['orders[popular]'].toLowerCase() === 'desc' ? -1 : 1;
			const deals = (g: Row) => db.all('deals').filter((d) => d.group === g.id).length;
			rows = [...rows].sort((a, b) => dir * (deals(a) - deals(b) || a.cdate.localeCompare(b.cdate)));
		}
		const page = paginate(rows, query, 'dealGroups');
		const shown: Row[] = (page.body as Row).dealGroups;
		return ok({
			dealGroups: shown.map((g) => publicGroup(db, g, false)),
			dealStages: shown.flatMap((g) => stagesOf(db, g.id).map(publicStage)),
			meta: (page.body as Row).meta,
		});
	});

	emulator.route('GET', '/dealGroups/:id', ({ params }, db) => {
		const row = db.get('dealGroups', params.id);
		if (!row) return missing('Pipeline', params.id);
		return ok({ dealGroup: publicGroup(db, row, false), dealStages: stagesOf(db, row.id).map(publicStage) });
	});

	emulator.route('PUT', '/dealGroups/:id', ({ params, body }, db) => {
		const row = db.get('dealGroups', params.id);
		if (!row) return missing('Pipeline', params.id);
		const input: Row = body?.dealGroup ?? {};
		const bad = checkGroupInput(input, false);
		if (bad) return bad;
		if (input.title !== undefined) row.title = String(input.title);
		if (input.currency !== undefined) row.currency = String(input.currency).toLowerCase();
		for (const key of ['allgroups', 'allusers', 'autoassign']) if (input[key] !== undefined) row[key] = String(input[key]);
		if (input.users !== undefined) row.users = input.users.map(String);
		if (input.groups !== undefined) row.groups = input.groups.map(String);
		row.udate = acTimestamp();
		const { dealGroupGroups, dealGroupUsers } = groupSideLoads(db, row);
		const { stages: _stages, ...group } = publicGroup(db, row, true);
		return ok({ dealGroup: group, dealGroupGroups, dealGroupUsers });
	});

	// Deleting a pipeline deletes its stages; the real API answers with an empty body.
	emulator.route('DELETE', '/dealGroups/:id', ({ params }, db) => {
		if (!db.remove('dealGroups', params.id)) return missing('Pipeline', params.id);
		db.removeWhere('dealStages', (s) => s.group === params.id);
		return { status: 200 };
	});
}

function reorderFlag(query: Query): RouteResponse | boolean {
	const raw = query.reorder;
	if (raw === undefined) return false;
	if (raw !== '0' && raw !== '1') return unprocessable('reorder must be 0 or 1', 'reorder');
	return raw === '1';
}

function stageRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/dealStages', ({ body, query }, db) => {
		const input: Row = body?.dealStage ?? {};
		const bad = checkStageInput(input, true);
		if (bad) return bad;
		const reorder = reorderFlag(query);
		if (typeof reorder !== 'boolean') return reorder;
		if (input.group === undefined || input.group === '') return unprocessable('Group is required', 'group', 'field_missing');
		if (!db.get('dealGroups', String(input.group))) return unprocessable('dealGroup does not exist', 'group', 'related_missing');
		const row = insertStage(db, String(input.group), input);
		if (reorder) reorderStages(db, row.group);
		return ok({ dealStage: publicStage(row) });
	});

	emulator.route('GET', '/dealStages', ({ query }, db) => {
		let rows = db.all('dealStages');
		if (query['filters[title]']) rows = rows.filter((s) => compare('contains', s.title, query['filters[title]']));
		if (query['filters[d_groupid]']) rows = rows.filter((s) => s.group === query['filters[d_groupid]']);
		rows = applyOrder(rows, query, { title: 'title' });
		return paginate(rows.map(publicStage), query, 'dealStages');
	});

	emulator.route('GET', '/dealStages/:id', ({ params }, db) => {
		const row = db.get('dealStages', params.id);
		return row ? ok({ dealStage: publicStage(row) }) : missing('DealStage', params.id);
	});

	emulator.route('PUT', '/dealStages/:id', ({ params, body, query }, db) => {
		const row = db.get('dealStages', params.id);
		if (!row) return missing('DealStage', params.id);
		const input: Row = body?.dealStage ?? {};
		const bad = checkStageInput(input, false);
		if (bad) return bad;
		const reorder = reorderFlag(query);
		if (typeof reorder !== 'boolean') return reorder;
		const group = input.group === undefined ? row.group : String(input.group);
		// The reference: a 422 "dealGroup does not exist" when the stage's pipeline is gone.
		if (!db.get('dealGroups', group)) return unprocessable('dealGroup does not exist', 'group', 'related_missing');
		for (const key of STAGE_TEXT_FIELDS) if (input[key] !== undefined) row[key] = String(input[key]);
		for (const key of ['color', 'order', 'width']) if (input[key] !== undefined) row[key] = String(input[key]);
		row.group = group;
		row.udate = acTimestamp();
		if (reorder) reorderStages(db, group);
		return ok({ dealStage: publicStage(row) });
	});

	emulator.route('DELETE', '/dealStages/:id', ({ params }, db) =>
		db.remove('dealStages', params.id) ? ok({}) : missing('DealStage', params.id),
	);
}

// ---------------------------------------------------------------------------------------------
// Deals and deal notes
// ---------------------------------------------------------------------------------------------

const DEAL_TEXT_FIELDS = ['title', 'description'];

function sideContact(row: Row): Row {
	return {
		cdate: row.cdate,
		email: row.email,
		firstName: row.firstName,
		id: row.id,
		lastName: row.lastName,
		orgid: row.orgid ?? '0',
		phone: row.phone,
		udate: row.udate,
	};
}

function publicDeal(row: Row): Row {
	const { fields: _fields, ...deal } = row;
	return {
		...deal,
		links: Object.fromEntries(
			['dealActivities', 'contact', 'contactDeals', 'group', 'nextTask', 'notes', 'account', 'organization', 'owner', 'stage', 'tasks'].map(
				(name) => [name, `/api/3/deals/${row.id}/${name}`],
			),
		),
	};
}

function dealAnswer(db: Database, row: Row): Row {
	const contact = db.get('contacts', row.contact);
	const stage = db.get('dealStages', row.stage);
	return {
		contacts: contact ? [sideContact(contact)] : [],
		deal: { ...publicDeal(row), fields: row.fields ?? [] },
		dealStages: stage ? [publicStage(stage)] : [],
	};
}

/** Checks a complete deal (after a merge for PUT): references exist, the stage is in the pipeline. */
function checkDeal(db: Database, deal: Row): RouteCheck {
	for (const key of ['title', 'contact', 'value', 'currency', 'group', 'stage']) {
		if (deal[key] === undefined || deal[key] === null || deal[key] === '') {
			return unprocessable(`Deal ${key} is required`, key, 'field_missing');
		}
	}
	if (!isWhole(deal.value)) return unprocessable('Deal value must be a whole number of cents', 'value');
	if (!CURRENCY.test(String(deal.currency))) return unprocessable('Deal currency must be a 3-letter code', 'currency');
	if (deal.status !== undefined && deal.status !== null && !['0', '1', '2'].includes(String(deal.status))) {
		return unprocessable('Deal status must be 0, 1 or 2', 'status');
	}
	if (deal.percent !== undefined && deal.percent !== null && deal.percent !== '') {
		const percent = Number(deal.percent);
		if (!Number.isInteger(percent) || percent < 0 || percent > 100) return unprocessable('Deal percent must be 0 to 100', 'percent');
	}
	if (!db.get('contacts', String(deal.contact))) return unprocessable('Contact does not exist', 'contact', 'related_missing');
	if (!db.get('dealGroups', String(deal.group))) return unprocessable('Pipeline does not exist', 'group', 'related_missing');
	const stage = db.get('dealStages', String(deal.stage));
	if (!stage) return unprocessable('Stage does not exist', 'stage', 'related_missing');
	if (stage.group !== String(deal.group)) {
		return unprocessable("Deal's stage does not belong to deal's pipeline", 'stage', 'field_invalid');
	}
	if (deal.owner !== undefined && !isWhole(deal.owner)) return unprocessable('Owner must be a user ID', 'owner');
	if (deal.fields !== undefined && !Array.isArray(deal.fields)) return unprocessable('Fields must be an array', 'fields');
	if (Array.isArray(deal.fields)) return checkCurrencyValues(db, 'dealCustomFieldMeta', deal.fields as Row[]);
	return undefined;
}

function applyDealInput(row: Row, input: Row): void {
	for (const key of DEAL_TEXT_FIELDS) if (input[key] !== undefined) row[key] = String(input[key]);
	for (const key of ['contact', 'value', 'group', 'stage', 'owner', 'status']) {
		if (input[key] !== undefined) row[key] = String(input[key]);
	}
	if (input.currency !== undefined) row.currency = String(input.currency).toLowerCase();
	if (input.percent !== undefined) row.percent = input.percent === null ? null : String(input.percent);
	if (input.account !== undefined) {
		row.account = input.account === null ? null : String(input.account);
		row.customerAccount = row.account;
	}
	if (Array.isArray(input.fields)) {
		const fields: Row[] = [...(row.fields ?? [])];
		for (const entry of input.fields as Row[]) {
			const i = fields.findIndex((f) => String(f.customFieldId) === String(entry.customFieldId));
			const field = { ...entry, dealId: row.id };
			if (i >= 0) fields[i] = field;
			else fields.push(field);
		}
		row.fields = fields;
	}
}

function dealRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/deals', ({ body }, db) => {
		const input: Row = body?.deal ?? {};
		const bad = checkDeal(db, input);
		if (bad) return bad;
		const now = acTimestamp();
		const contact = db.get('contacts', String(input.contact))!;
		const row = db.insert('deals', {
			owner: '1',
			contact: '',
			organization: contact.orgid && contact.orgid !== '0' ? contact.orgid : null,
			group: '',
			stage: '',
			title: '',
			description: '',
			percent: '0',
			cdate: now,
			mdate: now,
			nextdate: null,
			nexttaskid: null,
			value: '0',
			currency: 'usd',
			winProbability: null,
			winProbabilityMdate: null,
			status: '0',
			activitycount: '0',
			nextdealid: null,
			edate: null,
			isDisabled: false,
			account: null,
			customerAccount: null,
			hash: Math.random().toString(16).slice(2, 10),
		});
		row.nextdealid = row.id;
		applyDealInput(row, input);
		return created(dealAnswer(db, row));
	});

	emulator.route('GET', '/deals', ({ query }, db) => {
		let rows = db.all('deals');
		const search = query['filters[search]'];
		if (search) {
			const field = query['filters[search_field]'] ?? 'all';
			rows = rows.filter((d) => {
				const contact = db.get('contacts', d.contact);
				const candidates =
					field === 'title'
						? [d.title]
						: field === 'contact'
							? [contact?.email, contact?.firstName, contact?.lastName]
							: [d.title, contact?.email, contact?.firstName, contact?.lastName];
				return candidates.some((value) => compare('contains', value, search));
			});
		}
		rows = applyFilters(rows, query, { stage: 'stage', group: 'group', status: 'status', owner: 'owner' }).filter(
			(d) => !query['filters[title]'] || compare('contains', d.title, query['filters[title]']),
		);
		rows = applyOrder(rows, query, { title: 'title', cdate: 'cdate' });
		if (query['orders[value]']) {
			const dir = query['orders[value]'].toLowerCase() === 'desc' ? -1 : 1;
			rows = [...rows].sort((a, b) => dir * (Number(a.value) - Number(b.value)));
		}
		const page = paginate(rows.map(publicDeal), query, 'deals');
		const meta = (page.body as Row).meta;
		return ok({ ...(page.body as Row), meta: { currencies: {}, total: meta.total } });
	});

	emulator.route('GET', '/deals/:id', ({ params }, db) => {
		const row = db.get('deals', params.id);
		return row ? ok({ deal: publicDeal(row) }) : missing('Deal', params.id);
	});

	// The deal's `dealCustomFieldData` link: its custom field values, paged like every list.
	emulator.route('GET', '/deals/:id/dealCustomFieldData', ({ params, query }, db) => {
		const row = db.get('deals', params.id);
		if (!row) return missing('Deal', params.id);
		const rows = ((row.fields ?? []) as Row[]).map((f, i) => {
			// Deal values live on the deal row; their IDs are derived from the deal's and the position.
			const id = String(Number(row.id) * 1000 + i + 1);
			return {
				id,
				dealCustomFieldMetumId: Number(f.customFieldId),
				dealId: Number(row.id),
				customFieldId: Number(f.customFieldId),
				fieldValue: f.fieldValue,
				...(f.fieldCurrency !== undefined ? { fieldCurrency: f.fieldCurrency } : {}),
				links: {
					deal: `${API}/dealCustomFieldData/${id}/deal`,
					dealCustomFieldMetum: `${API}/dealCustomFieldData/${id}/dealCustomFieldMetum`,
				},
			};
		});
		return paginate(rows, query, 'dealCustomFieldData');
	});

	emulator.route('PUT', '/deals/:id', ({ params, body }, db) => {
		const row = db.get('deals', params.id);
		if (!row) return missing('Deal', params.id);
		const input: Row = body?.deal ?? {};
		const bad = checkDeal(db, { ...row, ...input });
		if (bad) return bad;
		applyDealInput(row, input);
		row.mdate = acTimestamp();
		return ok(dealAnswer(db, row));
	});

	emulator.route('DELETE', '/deals/:id', ({ params }, db) => {
		if (!db.remove('deals', params.id)) return missing('Deal', params.id);
		db.removeWhere('dealNotes', (n) => n.relid === params.id);
		return { status: 200 };
	});

	emulator.route('POST', '/deals/:id/notes', ({ params, body }, db) => {
		const deal = db.get('deals', params.id);
		if (!deal) return missing('Deal', params.id);
		const input: Row = body?.note ?? {};
		if (input.note === undefined || String(input.note).trim() === '') {
			return unprocessable('Note is required', 'note', 'field_missing');
		}
		const now = acTimestamp();
		const row = db.insert('dealNotes', {
			cdate: now,
			mdate: now,
			note: String(input.note),
			owner: { id: deal.id, type: 'deal' },
			relid: deal.id,
			reltype: 'Deal',
			user: '1',
			userid: '1',
		});
		deal.activitycount = String(Number(deal.activitycount) + 1);
		return created({ deals: [publicDeal(deal)], note: publicNote(row) });
	});

	emulator.route('PUT', '/deals/:id/notes/:noteId', ({ params, body }, db) => {
		const deal = db.get('deals', params.id);
		if (!deal) return missing('Deal', params.id);
		const row = db.get('dealNotes', params.noteId);
		if (!row || row.relid !== deal.id) return missing('Note', params.noteId);
		const input: Row = body?.note ?? {};
		if (input.note === undefined || String(input.note).trim() === '') {
			return unprocessable('Note is required', 'note', 'field_missing');
		}
		row.note = String(input.note);
		row.mdate = acTimestamp();
		return ok({ deals: [publicDeal(deal)], note: publicNote(row) });
	});
}

function publicNote(row: Row): Row {
	return {
		cdate: row.cdate,
		id: row.id,
		links: Object.fromEntries(['activities', 'mentions', 'notes', 'owner', 'user'].map((n) => [n, `/api/3/notes/${row.id}/${n}`])),
		mdate: row.mdate,
		note: row.note,
		owner: { ...row.owner },
		relid: row.relid,
		reltype: row.reltype,
		user: row.user,
		userid: row.userid,
	};
}

/** Accounts, account contacts, deals, deal notes, pipelines (deal groups) and stages. */
export function crmRoutes(emulator: ActiveCampaignEmulator): void {
	accountRoutes(emulator);
	accountContactRoutes(emulator);
	pipelineRoutes(emulator);
	stageRoutes(emulator);
	dealRoutes(emulator);
}
