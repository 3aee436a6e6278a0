import { MAX_FORM_FIELDS, MAX_KEY_DEPTH, nestParsedBody, parseFormBody } from '../../nodes/ActiveCampaignV3Trigger/formBody';
import { encodePhpForm } from '../emulator/routes/webhooks';

// A subscribe event as ActiveCampaign posts it (PHP http_build_query: brackets percent-encoded,
// spaces as +), including custom fields by ID and by personalisation tag.
const SUBSCRIBE =
	'url=&type=subscribe&date_time=2026-03-18T10%3A30%3A00-05%3A00&initiated_by=admin&initiated_from=admin&list=2' +
	'&contact%5Bid%5D=12&contact%5Bemail%5D=ada%2Btest%40example.com&contact%5Bfirst_name%5D=Ada+Mary' +
	'&contact%5Blast_name%5D=Lovelace&contact%5Bphone%5D=&contact%5Bip%5D=127.0.0.1' +
	'&contact%5Btags%5D=vip%2C+early&contact%5Bfields%5D%5B7%5D=blue&contact%5Bfields%5D%5BFAV_NUMBER%5D=42' +
	'&form%5Bid%5D=3';

describe('parseFormBody: PHP-style form bodies into nested JSON', () => {
	it('nests contact[...] and contact[fields][...] and keeps every value as the string sent', () => {
		expect(parseFormBody(SUBSCRIBE)).toEqual({
			ok: true,
			data: {
				url: '',
				type: 'subscribe',
				date_time: '2026-03-18T10:30:00-05:00',
				initiated_by: 'admin',
				initiated_from: 'admin',
				list: '2',
				contact: {
					id: '12',
					email: 'ada+test@example.com',
					first_name: 'Ada Mary',
					last_name: 'Lovelace',
					phone: '',
					ip: '127.0.0.1',
					tags: 'vip, early',
					fields: { '7': 'blue', FAV_NUMBER: '42' },
				},
				form: { id: '3' },
			},
		});
	});

	it('reads unencoded brackets too, deal[...] keys, [] lists and a missing "="', () => {
		expect(parseFormBody('type=deal_add&deal[id]=5&deal[value]=1000&deal[tags][]=a&deal[tags][]=b&flag')).toEqual({
			ok: true,
			data: { type: 'deal_add', deal: { id: '5', value: '1000', tags: ['a', 'b'] }, flag: '' },
		});
	});

	it('[] followed by more keys starts a new element each time, as PHP does', () => {
		expect(parseFormBody('a[][x]=1&a[][x]=2')).toEqual({ ok: true, data: { a: [{ x: '1' }, { x: '2' }] } });
	});

	it('a repeated scalar key: the last value wins (PHP semantics)', () => {
		expect(parseFormBody('type=a&type=b')).toEqual({ ok: true, data: { type: 'b' } });
	});

	it('round-trips what the emulator encodes like http_build_query (unicode, &, =, brackets in values)', () => {
		const event = {
			type: 'update',
			contact: { email: 'zoë@example.com', first_name: 'A&B=C', fields: { '9': '[x] 100%' } },
		};
		expect(parseFormBody(encodePhpForm(event))).toEqual({ ok: true, data: event });
	});

	it.each([
		['a key that is both a value and a group', 'contact=1&contact[email]=x', 'field "contact[email]" is both a value and a group of fields'],
		['a group then a value on the same key', 'contact[email]=x&contact=1', 'field "contact" is both a value and a group of fields'],
		['[] on a map', 'contact[email]=x&contact[]=y', 'field "contact[]" is both a value and a group of fields'],
		['a named key on a [] list', 'a[]=1&a[x]=2', 'field "a[x]" is both a value and a group of fields'],
		['an unclosed bracket', 'contact[email=x', 'field name "contact[email" has unbalanced brackets'],
		['a nested bracket', 'contact[[email]]=x', 'field name "contact[[email]]" has unbalanced brackets'],
		['an empty key', '=x', 'field name "" has unbalanced brackets'],
		['a broken percent escape', 'type=%E0%A4%A', 'field "type" is not valid percent-encoded UTF-8'],
		['a prototype key', 'contact[__proto__][x]=1', 'field name "contact[__proto__][x]" is not allowed'],
		['constructor', 'constructor[prototype]=1', 'field name "constructor[prototype]" is not allowed'],
	])('refuses %s', (_name, body, reason) => {
		expect(parseFormBody(body)).toEqual({ ok: false, reason });
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it(`refuses keys nested deeper than ${MAX_KEY_DEPTH} levels and accepts exactly ${MAX_KEY_DEPTH}`, () => {
		const key = (depth: number) => `a${'[b]'.repeat(depth - 1)}`;
		expect(parseFormBody(`${key(MAX_KEY_DEPTH)}=1`).ok).toBe(true);
		expect(parseFormBody(`${key(MAX_KEY_DEPTH + 1)}=1`)).toEqual({
			ok: false,
			reason: `field name "${key(MAX_KEY_DEPTH + 1)}" is nested deeper than ${MAX_KEY_DEPTH} levels`,
		});
	});

	it(`refuses more than ${MAX_FORM_FIELDS} fields and accepts exactly ${MAX_FORM_FIELDS}`, () => {
		const body = (n: number) => Array.from({ length: n }, (_v, i) => `f${i}=1`).join('&');
		const accepted = parseFormBody(body(MAX_FORM_FIELDS));
		expect(accepted.ok && Object.keys(accepted.data)).toHaveLength(MAX_FORM_FIELDS);
		expect(parseFormBody(body(MAX_FORM_FIELDS + 1))).toEqual({ ok: false, reason: `the body has more than ${MAX_FORM_FIELDS} fields` });
	});

	it('an empty body is an empty object (the trigger then refuses it for lacking "type")', () => {
		expect(parseFormBody('')).toEqual({ ok: true, data: {} });
	});
});

describe('nestParsedBody: a body n8n already parsed with querystring', () => {
	it('nests flat PHP-style keys and expands repeated keys (arrays) in order', () => {
		expect(nestParsedBody({ type: 'deal_add', 'deal[id]': '5', 'deal[tags][]': ['a', 'b'], 'contact[fields][7]': 'x' })).toEqual({
			ok: true,
			data: { type: 'deal_add', deal: { id: '5', tags: ['a', 'b'] }, contact: { fields: { '7': 'x' } } },
		});
	});

	it('takes a body that is already nested as it is', () => {
		const body = { type: 'update', contact: { email: 'a@example.com' } };
		expect(nestParsedBody(body)).toEqual({ ok: true, data: body });
	});

	it('refuses the same conflicts as the raw parser', () => {
		expect(nestParsedBody({ contact: '1', 'contact[email]': 'x' })).toEqual({
			ok: false,
			reason: 'field "contact[email]" is both a value and a group of fields',
		});
	});
});
