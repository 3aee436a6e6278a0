/**
 * The n8n editor in a real browser (npm run test:browser): Debian's Chromium driven by
 * playwright-core, kept off the network by its flags, against a real n8n 2.41.1 with this package
 * and the emulator. Owner setup, node panel, resource and operation, credential dialog and its
 * test, execution, output; the trigger's Events (loaded from the emulator, all pages), Sources and
 * List pickers; screenshots go to test-artifacts/browser/ (git-ignored).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { ActiveCampaignEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { WEBHOOK_EVENTS } from '../emulator/routes/webhooks';
import { seedEmulator } from '../emulator/seed';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const n8n = require('../../scripts/lib/n8n');

const SHOTS = path.join(__dirname, '..', '..', 'test-artifacts', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Headless, and nothing that would reach out to Google or anywhere else.
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--metrics-recording-only',
	'--no-default-browser-check',
];

let emulator: ActiveCampaignEmulator;
let server: { url: string; stop: () => Promise<void>; log: () => string };
let userFolder: string;
let profile: string;
let context: BrowserContext;
let page: Page;

async function shot(name: string): Promise<string> {
	const file = path.join(SHOTS, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

/** Chromium from Debian; installed here when missing and we may (CI runs as root with apt-get). */
function ensureChromium(): void {
	if (fs.existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: install it with "sudo apt-get install -y chromium"`);
	process.stdout.write('installing Debian chromium with apt-get (once per machine) ...\n');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** An option of the open n8n select dropdown whose name is exactly `text` (a description may follow). */
function option(text: string) {
	return page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.getByText(text, { exact: true }) })
		.first();
}

/** Opens the select of parameter `name`, clicks the option `text` and waits until it is shown as chosen. */
async function pick(name: string, text: string): Promise<void> {
	const input = page.getByTestId(`parameter-input-${name}`).locator('input');
	await page.getByTestId(`parameter-input-${name}`).click();
	try {
		await option(text).click({ timeout: 10000 });
	} catch (error) {
		await shot(`failed-pick-${name}`);
		const shown = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
		throw new Error(`no option "${text}" for ${name}; visible options: ${JSON.stringify(shown)}`);
	}
	for (let waited = 0; (await input.inputValue()) !== text; waited += 100) {
		if (waited > 10000) throw new Error(`${name} shows "${await input.inputValue()}", not "${text}"`);
		await page.waitForTimeout(100);
	}
	// Let the dropdown's closing animation end before the next click.
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

beforeAll(async () => {
	fs.mkdirSync(SHOTS, { recursive: true });
	ensureChromium();
	const runtime = await n8n.ensureN8n();
	if (!fs.existsSync(path.join(n8n.ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'ActiveCampaignV3V1.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: n8n.ROOT, stdio: 'inherit' });
	}
	emulator = new ActiveCampaignEmulator({ tokens: [DEFAULT_TOKEN], rateLimitPerSecond: 0 });
	await emulator.start();
	await seedEmulator(emulator.url, DEFAULT_TOKEN, 'demo');
	emulator.requests.length = 0;
	emulator.rateLimitPerSecond = 5;

	userFolder = n8n.makeUserFolder('n8n-ac-v3-browser-');
	n8n.linkPackage(userFolder);
	const { port, brokerPort } = await n8n.allocatePorts();
	server = await n8n.startServer(runtime, { env: n8n.n8nEnv({ userFolder, port, brokerPort }), port });

	selectors.setTestIdAttribute('data-test-id');
	profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1400, height: 900 },
	});
	context.setDefaultTimeout(30000);
	// The first load of the editor bundle can be slow on a busy CI machine.
	context.setDefaultNavigationTimeout(120000);
	page = context.pages()[0] ?? (await context.newPage());
}, 600000);

afterAll(async () => {
	await context?.close();
	await server?.stop();
	await emulator?.stop();
	for (const dir of [userFolder, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the n8n editor with our node, in Chromium', () => {
	it('sets up the owner account', async () => {
		await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
		await page.getByTestId('setup-form').waitFor();
		await page.locator('input[name=email]').fill(n8n.OWNER.email);
		await page.locator('input[name=firstName]').fill(n8n.OWNER.firstName);
		await page.locator('input[name=lastName]').fill(n8n.OWNER.lastName);
		await page.locator('input[name=password]').fill(n8n.OWNER.password);
		await shot('01-owner-setup');
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: 60000 });
		expect(new URL(page.url()).pathname).not.toMatch(/^\/(setup|signin)/);
	});

	it('n8n serves our node and credential types under the package name', async () => {
		const nodes = (await (await page.request.get(`${server.url}/types/nodes.json`)).json()) as Array<{ name: string; displayName: string }>;
		expect(nodes.filter((n) => n.name.startsWith('n8n-nodes-activecampaign-v3.')).map((n) => [n.name, n.displayName])).toEqual([
			['n8n-nodes-activecampaign-v3.activeCampaignV3', 'ActiveCampaign V3'],
			['n8n-nodes-activecampaign-v3.activeCampaignV3Trigger', 'ActiveCampaign V3 Trigger'],
			// n8n derives an AI-agent tool variant from usableAsTool: true.
			['n8n-nodes-activecampaign-v3.activeCampaignV3Tool', 'ActiveCampaign V3 Tool'],
		]);
		const credentials = (await (await page.request.get(`${server.url}/types/credentials.json`)).json()) as Array<{ name: string }>;
		expect(credentials.filter((c) => c.name === 'activeCampaignV3Api')).toHaveLength(1);
		// The light and dark SVG icons resolve inside the package and are served.
		const ours = nodes.find((n) => n.name === 'n8n-nodes-activecampaign-v3.activeCampaignV3') as { iconUrl?: Record<string, string> };
		expect(ours.iconUrl).toEqual({
			light: 'icons/n8n-nodes-activecampaign-v3/dist/icons/activecampaign.svg',
			dark: 'icons/n8n-nodes-activecampaign-v3/dist/icons/activecampaign.dark.svg',
		});
		for (const iconUrl of Object.values(ours.iconUrl!)) {
			const icon = await page.request.get(`${server.url}/${iconUrl}`);
			expect([icon.status(), (await icon.text()).startsWith('<svg')]).toEqual([200, true]);
		}
	});

	it('finds "ActiveCampaign V3" in the node panel, with all its actions', async () => {
		await page.goto(`${server.url}/workflow/new`, { waitUntil: 'networkidle' });
		await page.getByTestId('canvas-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('ActiveCampaign V3');
		const item = page.getByTestId('node-creator-item-name').filter({ hasText: /^ActiveCampaign V3$/ }).first();
		await item.waitFor();
		// n8n shows the action node and the trigger (issue 13) as one entry; on an empty canvas (the
		// "What triggers this workflow?" panel) it carries the trigger's description.
		await expect(page.getByTestId('node-creator-item-description').first().innerText()).resolves.toBe(
			'Starts the workflow when ActiveCampaign sends a webhook event (contacts, deals, lists, email activity)',
		);
		await shot('02-node-panel');
		await item.click();
		// n8n lists every operation as an action, grouped by resource.
		await expect(page.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ }).innerText()).resolves.toBe(
			`Actions (${registry.all().length})`,
		);
		// With a trigger in the package the panel lists "Triggers (1)" first and folds the actions.
		await expect(page.getByTestId('node-creator-category-item').filter({ hasText: /^Triggers/ }).innerText()).resolves.toBe('Triggers (1)');
		await expect(page.getByTestId('node-creator-item-name').filter({ hasText: /^On new ActiveCampaign V3 event$/ }).count()).resolves.toBe(1);
		await page.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ }).click();
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^Get Many Contacts$/ }).first().waitFor();
		await expect(page.getByTestId('node-creator-item-name').filter({ hasText: /^Get Many Contacts$/ }).count()).resolves.toBe(1);
		await shot('03-node-actions');
	});

	it('adds the node and picks a resource and an operation', async () => {
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^Get Many Contacts$/ }).click();
		await page.getByTestId('ndv').waitFor();
		await expect(page.getByTestId('parameter-input-resource').locator('input').inputValue()).resolves.toBe('Contact');
		await expect(page.getByTestId('parameter-input-operation').locator('input').inputValue()).resolves.toBe('Get Many Contacts');
		// Now switch with the pickers, as a user would: Resource "Tag", Operation "Get a Tag", then
		// "Get Many Tags" (n8n keeps getMany when the new resource has it, so go through another one).
		await pick('resource', 'Tag');
		await pick('operation', 'Get a Tag');
		await page.getByTestId('parameter-input-tagId').waitFor();
		await pick('operation', 'Get Many Tags');
		await expect(page.getByTestId('parameter-input-resource').locator('input').inputValue()).resolves.toBe('Tag');
		await expect(page.getByTestId('parameter-input-operation').locator('input').inputValue()).resolves.toBe('Get Many Tags');
		await page.getByTestId('parameter-input-limit').locator('input').fill('2');
		await expect(page.getByTestId('parameter-input-returnAll').count()).resolves.toBe(1);
		await shot('04-parameters');
	});

	it('creates the credential in its dialog and the credential test passes against the emulator', async () => {
		await page.getByTestId('node-credentials-empty-state').click();
		const dialog = page.getByTestId('editCredential-modal');
		await dialog.waitFor();
		await page.getByTestId('apiUrl').locator('input').fill(emulator.url);
		await page.getByTestId('apiKey').locator('input').fill(DEFAULT_TOKEN);
		// The key is a password field: never shown in clear text.
		await expect(page.getByTestId('apiKey').locator('input').getAttribute('type')).resolves.toBe('password');
		await shot('05-credential-dialog');
		const before = emulator.requests.length;
		await page.getByTestId('credential-save-button').click();
		// Saving runs the credential's test. n8n shows "Connection tested successfully" (or "Couldn't
		// connect…" on failure) and, in 2.41, closes the dialog shortly after a success.
		const success = dialog.getByText('Connection tested successfully');
		const failure = dialog.getByText(/Couldn.t connect/);
		let sawSuccess = false;
		for (let waited = 0; waited < 60000; waited += 100) {
			if (await failure.isVisible()) {
				await shot('06-credential-test-failed');
				throw new Error(`the credential test failed: ${await dialog.innerText()}`);
			}
			if (await success.isVisible()) {
				sawSuccess = true;
				await shot('06-credential-tested');
				break;
			}
			if (!(await dialog.isVisible())) break;
			await page.waitForTimeout(100);
		}
		// n8n ran the credential's test request against the emulator: GET /api/3/users/me, answered 200.
		expect(emulator.requests.slice(before).map((r) => [r.method, r.path, r.status])).toEqual([['GET', '/users/me', 200]]);
		if (!sawSuccess) {
			// The dialog closed on its own, which n8n does only when the test passed; its toast remains.
			await page.getByText('Credential successfully created').first().waitFor();
			await shot('06-credential-saved');
		}
		if (await dialog.isVisible()) await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		// The node now uses the new credential.
		await expect(page.getByTestId('node-credentials-slot').locator('input').first().inputValue()).resolves.toBe('ActiveCampaign V3 account');
	});

	it('executes the node and shows its output', async () => {
		const before = emulator.requests.length;
		await page.getByTestId('node-execute-button').click();
		const output = page.getByTestId('output-panel');
		await output.getByText('customer', { exact: false }).first().waitFor({ timeout: 60000 });
		await shot('07-output');
		expect(emulator.requests.slice(before).map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/tags', { limit: '2', offset: '0' }]]);
		const text = await output.innerText();
		for (const expected of ['customer', 'lead', 'StatusCode', 'OriginalStatusCode', 'ErrorMessage']) expect(text).toContain(expected);
		expect(text).not.toContain('vip');
		expect(text).not.toContain(DEFAULT_TOKEN);
	});

	it('shows the node on the canvas', async () => {
		await page.getByTestId('ndv-close-button').click();
		// n8n renamed the node after its new operation.
		const node = page.getByTestId('canvas-node').filter({ hasText: 'Get Many Tags' });
		await node.waitFor();
		await expect(node.innerText()).resolves.toContain('getMany: tag');
		await shot('08-canvas');
		const shots = fs.readdirSync(SHOTS).filter((f) => f.endsWith('.png'));
		expect(shots).toEqual(
			expect.arrayContaining(['02-node-panel.png', '04-parameters.png', '05-credential-dialog.png', '07-output.png', '08-canvas.png']),
		);
		for (const file of shots) expect(fs.statSync(path.join(SHOTS, file)).size).toBeGreaterThan(10000);
	});
});

/** Polls `read` until it returns `expected` (compared as JSON), or fails with what it saw last. */
async function until<T>(read: () => Promise<T>, expected: T, what: string, timeoutMs = 30000): Promise<void> {
	let last: T | undefined;
	for (let waited = 0; waited <= timeoutMs; waited += 200) {
		last = await read();
		if (JSON.stringify(last) === JSON.stringify(expected)) return;
		await page.waitForTimeout(200);
	}
	await shot(`failed-${what.replace(/\W+/g, '-')}`);
	throw new Error(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(last)}`);
}

describe('pickers and custom fields by name in the editor (issue 11)', () => {
	/** 130 contacts more than the demo's 5: two pages of 100 in the picker. IDs 6 to 135. */
	const PICKER_CONTACTS = 130;
	const emailOf = (n: number) => `picker${String(n).padStart(3, '0')}@example.com`;
	const PICKED = { email: emailOf(130), id: '135' };

	beforeAll(() => {
		const now = '2026-01-01T00:00:00-05:00';
		for (let n = 1; n <= PICKER_CONTACTS; n++) {
			emulator.db.insert('contacts', { email: emailOf(n), phone: '', firstName: '', lastName: '', orgid: '0', cdate: now, udate: now });
		}
		const field = emulator.db.insert('fields', { title: 'Membership', type: 'dropdown', perstag: 'MEMBERSHIP', descript: '', cdate: now, udate: now });
		for (const [value, label] of [
			['Gold', 'Gold level'],
			['Silver', 'Silver level'],
		]) {
			emulator.db.insert('fieldOptions', { field: field.id, value, label, orderid: '1', isdefault: '0' });
		}
	});

	const requests = (method: string, path: string) => emulator.requests.filter((r) => r.method === method && r.path === path);

	/** POSTs to n8n's REST API as the owner (a session of its own, not the browser's). */
	async function rest(route: string, data: unknown): Promise<{ id: string; name: string }> {
		const cookie = await n8n.login(server.url);
		const response = await fetch(`${server.url}/rest/${route}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie },
			body: JSON.stringify(data),
		});
		const body = await response.text();
		if (response.status !== 200) throw new Error(`POST /rest/${route} answered ${response.status}: ${body.slice(0, 300)}`);
		return JSON.parse(body).data;
	}

	it('picks a contact from the list: searched by the server, scrolled to the second page, then run', async () => {
		// A workflow of its own (Manual Trigger -> Get a Contact) with a credential of its own, so this
		// block does not depend on the steps above; the editor is then used as a user would.
		const credential = await rest('credentials', {
			name: 'ActiveCampaign emulator (pickers)',
			type: 'activeCampaignV3Api',
			data: { apiUrl: emulator.url, apiKey: DEFAULT_TOKEN },
		});
		const workflow = await rest('workflows', {
			name: 'Pickers',
			active: false,
			settings: {},
			nodes: [
				{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'ac',
					name: 'ActiveCampaign V3',
					type: 'n8n-nodes-activecampaign-v3.activeCampaignV3',
					typeVersion: 1,
					position: [300, 0],
					parameters: { resource: 'contact', operation: 'get' },
					credentials: { activeCampaignV3Api: { id: credential.id, name: credential.name } },
				},
			],
			connections: { Start: { main: [[{ node: 'ActiveCampaign V3', type: 'main', index: 0 }]] } },
		});
		await page.goto(`${server.url}/workflow/${workflow.id}`, { waitUntil: 'networkidle' });
		const node = page.getByTestId('canvas-node').filter({ hasText: 'ActiveCampaign V3' }).first();
		try {
			await node.waitFor({ timeout: 90000 });
			await node.dblclick();
			await page.getByTestId('ndv').waitFor();
		} catch (error) {
			await shot('failed-open-node');
			throw error;
		}
		const before = emulator.requests.length;
		await page.getByTestId('parameter-input-contactId').getByTestId('rlc-input').click();
		// The dropdown is rendered in a popper outside the parameter; its items are unique on the page.
		const items = page.locator('[data-test-id="rlc-item"]:visible');
		const search = page.locator('[data-test-id="rlc-search"]:visible input, input[data-test-id="rlc-search"]:visible').first();
		await until(() => items.count(), 100, 'first page of the contact picker');
		await shot('09-picker-first-page');

		// Scrolling to the end of the list loads the next page (pagination token = offset 100).
		for (let turn = 0; turn < 20 && (await items.count()) < 135; turn++) {
			await items.last().scrollIntoViewIfNeeded();
			await items.last().hover();
			await page.mouse.wheel(0, 3000);
			await page.waitForTimeout(300);
		}
		await until(() => items.count(), 135, 'both pages of the contact picker');
		await items.last().scrollIntoViewIfNeeded();
		await shot('10-picker-second-page');
		expect(
			emulator.requests
				.slice(before)
				.filter((r) => r.path === '/contacts')
				.map((r) => r.query),
		).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);

		// Typing searches on the server (ActiveCampaign's contact search), not in the loaded page.
		await search.fill('picker12');
		const found = Array.from({ length: 10 }, (_, i) => emailOf(120 + i));
		await until(async () => (await items.allInnerTexts()).map((t) => t.trim()), found, 'contacts found by the search');
		await shot('11-picker-search');
		expect(emulator.requests.slice(before).filter((r) => r.path === '/contacts' && r.query.search !== undefined).map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0', search: 'picker12' },
		]);
		await search.fill('');
		await until(() => items.count(), 135, 'the whole list again');
		await items.filter({ hasText: PICKED.email }).click();
		await until(() => items.count(), 0, 'the picker closing');
		await shot('12-picker-picked');

		const beforeRun = emulator.requests.length;
		await page.getByTestId('node-execute-button').click();
		const output = page.getByTestId('output-panel');
		await output.getByText(PICKED.email, { exact: false }).first().waitFor({ timeout: 60000 });
		await shot('13-picker-output');
		expect(emulator.requests.slice(beforeRun).map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', `/contacts/${PICKED.id}`, 200],
			['GET', `/contacts/${PICKED.id}/contactTags`, 200],
		]);
	});

	it('sets a custom field by its name (a dropdown with the field\'s options) and runs', async () => {
		await pick('operation', 'Update a Contact');
		const mapper = page.getByTestId('resource-mapper-container');
		await mapper.getByTestId('add-fields-select').waitFor();
		await shot('14-custom-fields-mapper');
		await mapper.getByTestId('add-fields-select').click();
		// n8n opens the list of custom fields (or, with a single one, may add it right away).
		const membership = option('Membership');
		await membership.waitFor({ timeout: 3000 }).then(() => membership.click(), () => undefined);
		const fields = page.getByTestId('mapping-fields-container');
		await fields.getByText('Membership', { exact: true }).waitFor();
		await fields.locator('.el-select').first().click();
		await option('Gold level').click();
		await shot('15-custom-field-by-name');

		const beforeRun = emulator.requests.length;
		await page.getByTestId('node-execute-button').click();
		const output = page.getByTestId('output-panel');
		await output.getByText('Gold', { exact: false }).first().waitFor({ timeout: 60000 });
		await shot('16-custom-field-output');
		const put = requests('PUT', `/contacts/${PICKED.id}`).filter((r) => emulator.requests.indexOf(r) >= beforeRun);
		expect(put.map((r) => [r.status, r.body])).toEqual([[200, { contact: { fieldValues: [{ field: '1', value: 'Gold' }] } }]]);
		for (const file of ['09-picker-first-page', '10-picker-second-page', '11-picker-search', '13-picker-output', '15-custom-field-by-name']) {
			expect(fs.statSync(path.join(SHOTS, `${file}.png`)).size).toBeGreaterThan(10000);
		}
	});
});

describe('the trigger in the editor: events, sources and list from the emulator (issue 13)', () => {
	const CREDENTIAL_NAME = 'ActiveCampaign emulator (trigger)';
	/** The open dropdown's options (n8n renders each as a headline and, when given, a description). */
	const openOptions = () => page.locator('.el-select-dropdown__item:visible');
	const headlines = () => page.locator('.el-select-dropdown__item:visible .option-headline').allInnerTexts();
	const descriptions = () => page.locator('.el-select-dropdown__item:visible .option-description').allInnerTexts();
	const chosen = () => page.locator('.el-select-dropdown__item.selected:visible .option-headline').allInnerTexts();
	/** Clicks the option of the open dropdown whose headline is exactly `name`. */
	const choose = (name: string) => openOptions().filter({ has: page.locator('.option-headline').getByText(name, { exact: true }) }).click();
	async function closeDropdown(): Promise<void> {
		await page.keyboard.press('Escape');
		await openOptions().first().waitFor({ state: 'hidden' });
	}
	let workflowId: string;
	let credentialId: string;

	it('adds the trigger from the node panel; its Events multi-select lists every event of every page the emulator serves', async () => {
		// A credential of its own, created last, so n8n picks it for the new node.
		const cookie = await n8n.login(server.url);
		const created = await fetch(`${server.url}/rest/credentials`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie },
			body: JSON.stringify({ name: CREDENTIAL_NAME, type: 'activeCampaignV3Api', data: { apiUrl: emulator.url, apiKey: DEFAULT_TOKEN } }),
		});
		expect(created.status).toBe(200);
		credentialId = ((await created.json()) as { data: { id: string } }).data.id;

		await page.goto(`${server.url}/workflow/new`, { waitUntil: 'networkidle' });
		// The Events select is disabled until n8n has its options: wait for that answer, not a time.
		const eventsLoaded = page.waitForResponse(
			(response) =>
				response.url() === `${server.url}/rest/dynamic-node-parameters/options` &&
				(response.request().postDataJSON() as { methodName?: string } | null)?.methodName === 'getEvents',
			{ timeout: 60000 },
		);
		const before = emulator.requests.length;
		await page.getByTestId('canvas-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('ActiveCampaign V3');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^ActiveCampaign V3$/ }).first().click();
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^On new ActiveCampaign V3 event$/ }).click();
		await page.getByTestId('ndv').waitFor();
		await until(() => page.getByTestId('node-credentials-select').locator('input').first().inputValue(), CREDENTIAL_NAME, 'the credential chosen');
		expect((await eventsLoaded).status()).toBe(200);
		const events = page.getByTestId('parameter-input-events');
		await events.locator('.el-select:not(.el-select--disabled)').waitFor();
		await events.click();
		await until(async () => (await openOptions().count()) > 0, true, 'the Events dropdown opening');
		await shot('17-trigger-events-open');

		// Every event the emulator serves, 10 per page: the loader followed meta.total to the third
		// page (offsets 0, 10, 20). Sorted by value; the description is ActiveCampaign's event name.
		expect(await descriptions()).toEqual([...WEBHOOK_EVENTS].sort());
		expect(await headlines()).toEqual([
			'Account Add', 'Account Contact Add', 'Account Contact Update', 'Account Update', 'Bounce', 'Click',
			'Contact Tag Added', 'Contact Tag Removed', 'Deal Add', 'Deal Note Add', 'Deal Pipeline Add', 'Deal Stage Add',
			'Deal Task Add', 'Deal Task Complete', 'Deal Tasktype Add', 'Deal Update', 'Forward', 'List Add', 'Open', 'Reply',
			'Sent', 'Share', 'SMS Reply', 'SMS Sent', 'SMS Unsub', 'Subscribe', 'Subscriber Note', 'Unsubscribe', 'Update',
		]);
		// (A 429 from the emulator's 5 requests/second is waited out and asked again by the transport.)
		const pages = emulator.requests.slice(before).filter((r) => r.path === '/webhook/events' && r.status !== 429);
		expect(pages.map((r) => [r.query, r.status])).toEqual([
			[{ limit: '100', offset: '0' }, 200],
			[{ limit: '100', offset: '10' }, 200],
			[{ limit: '100', offset: '20' }, 200],
		]);
		// One event from each page: contact_tag_added (1st), deal_update (2nd), subscribe (3rd).
		expect(['contact_tag_added', 'deal_update', 'subscribe'].map((event) => Math.floor(WEBHOOK_EVENTS.indexOf(event) / 10))).toEqual([0, 1, 2]);
		for (const name of ['Contact Tag Added', 'Deal Update', 'Subscribe']) await choose(name);
		await until(chosen, ['Contact Tag Added', 'Deal Update', 'Subscribe'], 'the three events ticked');
		await shot('18-trigger-events-picked');
		await closeDropdown();
		await expect(events.locator('.el-tag').allInnerTexts()).resolves.toEqual(['Contact Tag Added', 'Deal Update', 'Subscribe']);
	});

	it('Sources offers the four sources, all on by default; List offers "Any List" and the emulator\'s lists', async () => {
		const sources = page.getByTestId('parameter-input-sources');
		await sources.click();
		await until(async () => (await openOptions().count()) > 0, true, 'the Sources dropdown opening');
		expect(await headlines()).toEqual(['Admin User', 'API', 'Contact', 'System']);
		expect(await descriptions()).toEqual([
			'A user of your ActiveCampaign account made the change',
			'An API call (an integration, or n8n itself) made the change',
			'The contact did it (e.g. subscribed through a form, clicked a link)',
			'An automation or ActiveCampaign itself made the change',
		]);
		expect(await chosen()).toEqual(['Admin User', 'API', 'Contact', 'System']);
		await choose('System');
		await until(chosen, ['Admin User', 'API', 'Contact'], 'System unticked');
		await closeDropdown();
		await expect(sources.locator('.el-tag').allInnerTexts()).resolves.toEqual(['Contact', 'Admin User', 'API']);

		const list = page.getByTestId('parameter-input-listId');
		await expect(list.locator('input').inputValue()).resolves.toBe('Any List');
		await list.click();
		await until(async () => (await openOptions().count()) > 0, true, 'the List dropdown opening');
		expect(await headlines()).toEqual(['Any List', ...emulator.db.all('lists').map((l) => String(l.name))]);
		expect(await headlines()).toEqual(['Any List', 'Newsletter', 'Product Updates']);
		await choose('Newsletter');
		await openOptions().first().waitFor({ state: 'hidden' });
		await expect(list.locator('input').inputValue()).resolves.toBe('Newsletter');
		await shot('19-trigger-parameters');
	});

	it('the saved workflow holds the picks, and activating it registers exactly that webhook in the emulator', async () => {
		await page.getByTestId('ndv-close-button').click();
		await page.keyboard.press('Control+s');
		await until(async () => /^\/workflow\/[A-Za-z0-9]+$/.test(new URL(page.url()).pathname), true, 'the workflow saved');
		workflowId = new URL(page.url()).pathname.split('/')[2];
		const cookie = await n8n.login(server.url);
		const read = async () => {
			const response = await fetch(`${server.url}/rest/workflows/${workflowId}`, { headers: { cookie } });
			return ((await response.json()) as { data: { versionId: string; nodes: Array<Record<string, any>> } }).data;
		};
		// The save may still be on its way when the URL changes (n8n then answers without `data`):
		// read until it has landed.
		await until(
			async () => (await read())?.nodes.map((n) => [n.type, n.parameters, n.credentials]),
			[
				[
					'n8n-nodes-activecampaign-v3.activeCampaignV3Trigger',
					{ events: ['contact_tag_added', 'deal_update', 'subscribe'], sources: ['public', 'admin', 'api'], listId: '1', options: {} },
					{ activeCampaignV3Api: { id: credentialId, name: CREDENTIAL_NAME } },
				],
			],
			'the picks saved',
		);
		const saved = await read();
		await shot('20-trigger-saved');

		const post = (route: string, body: unknown) =>
			fetch(`${server.url}/rest/workflows/${workflowId}/${route}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', cookie },
				body: JSON.stringify(body),
			});
		expect(emulator.db.all('webhooks')).toEqual([]);
		expect((await post('activate', { versionId: saved.versionId })).status).toBe(200);
		// n8n 2.41 registers webhooks after the call returns (its publication queue): poll the emulator.
		await until(() => Promise.resolve(emulator.db.all('webhooks').length), 1, 'the webhook registered', 60000);
		const [hook] = emulator.db.all('webhooks');
		expect([hook.events, hook.sources, hook.listid]).toEqual([['contact_tag_added', 'deal_update', 'subscribe'], ['public', 'admin', 'api'], '1']);
		expect((await post('deactivate', {})).status).toBe(200);
		await until(() => Promise.resolve(emulator.db.all('webhooks').length), 0, 'the webhook deleted', 60000);
		for (const file of ['17-trigger-events-open', '18-trigger-events-picked', '19-trigger-parameters', '20-trigger-saved']) {
			expect(fs.statSync(path.join(SHOTS, `${file}.png`)).size).toBeGreaterThan(10000);
		}
	});
});
