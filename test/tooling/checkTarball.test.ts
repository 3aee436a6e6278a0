/**
 * scripts/check-tarball.js (run by `npm test` after the build on the real `npm pack --dry-run`):
 * its verdicts on hand-made file lists, so each rule is seen to fail when it should.
 */
// Plain-JS tooling.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { problems, iconsReferencedBy } = require('../../scripts/check-tarball');

const NODE = 'dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.js';
const CREDENTIAL = 'dist/credentials/ActiveCampaignV3Api.credentials.js';
const PACKAGE_JSON = { name: 'n8n-nodes-activecampaign-v3', version: '0.1.0', n8n: { nodes: [NODE], credentials: [CREDENTIAL] } };
const SOURCES: Record<string, string> = {
	[NODE]: "icon: { light: 'file:../../icons/activecampaign.svg', dark: 'file:../../icons/activecampaign.dark.svg' }",
	[CREDENTIAL]: 'this.icon = { light: "file:../icons/activecampaign.svg", dark: "file:../icons/activecampaign.dark.svg" };',
	'dist/nodes/ActiveCampaignV3/framework/execute.js': '',
};
const GOOD = [
	'README.md',
	CREDENTIAL,
	'dist/icons/activecampaign.dark.svg',
	'dist/icons/activecampaign.svg',
	NODE,
	'dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.json',
	'dist/nodes/ActiveCampaignV3/framework/execute.js',
	'package.json',
];
const context = {
	readFile: (file: string) => SOURCES[file],
	sourceExists: (file: string) => ['nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.ts', 'credentials/ActiveCampaignV3Api.credentials.ts', 'nodes/ActiveCampaignV3/framework/execute.ts'].includes(file),
};

describe('check-tarball', () => {
	it('resolves file: icons next to the compiled file, as n8n does', () => {
		expect(iconsReferencedBy(NODE, SOURCES[NODE])).toEqual(['dist/icons/activecampaign.svg', 'dist/icons/activecampaign.dark.svg']);
		expect(iconsReferencedBy(CREDENTIAL, SOURCES[CREDENTIAL])).toEqual(['dist/icons/activecampaign.svg', 'dist/icons/activecampaign.dark.svg']);
	});

	it('accepts exactly what n8n loads (plus LICENSE and CHANGELOG)', () => {
		expect(problems(GOOD, PACKAGE_JSON, context)).toEqual([]);
		expect(problems([...GOOD, 'LICENSE', 'CHANGELOG.md'], PACKAGE_JSON, context)).toEqual([]);
	});

	it('names every missing entry point, icon, codex file and README', () => {
		const files = GOOD.filter((f) => !['README.md', 'dist/icons/activecampaign.dark.svg', 'dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.json', CREDENTIAL].includes(f));
		expect(problems(files, PACKAGE_JSON, context)).toEqual([
			'missing: README.md (the package page)',
			`missing: dist/icons/activecampaign.dark.svg (icon of ${NODE})`,
			`missing: ${CREDENTIAL} (listed in package.json n8n)`,
			`missing: dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.json (codex of ${NODE})`,
		]);
		expect(problems(GOOD, { ...PACKAGE_JSON, n8n: { credentials: [CREDENTIAL] } }, context)).toEqual(['package.json n8n.nodes lists no node']);
		expect(problems(GOOD, PACKAGE_JSON, { ...context, license: 'LICENSE' })).toEqual([
			'missing: LICENSE (the license the package is published under)',
		]);
	});

	it('refuses tests, the emulator, sources, declarations, maps and stale output', () => {
		const extra = [
			'dist/test/emulator/server.js',
			'dist/nodes/ActiveCampaignV3/framework/execute.test.js',
			'dist/nodes/ActiveCampaignV3/framework/execute.js.map',
			'dist/nodes/ActiveCampaignV3/framework/execute.d.ts',
			'nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.ts',
			'dist/nodes/ActiveCampaignV3/framework/removed.js',
			'tsconfig.json',
		];
		expect(problems([...GOOD, ...extra], PACKAGE_JSON, context)).toEqual([
			'must not ship: dist/test/emulator/server.js (test, emulator, bench or tooling folder)',
			'must not ship: dist/nodes/ActiveCampaignV3/framework/execute.test.js (test file)',
			'must not ship: dist/nodes/ActiveCampaignV3/framework/execute.js.map (source map (the build emits none))',
			'must not ship: dist/nodes/ActiveCampaignV3/framework/execute.d.ts (TypeScript source or declaration (n8n loads the compiled .js; the build emits no .d.ts))',
			'must not ship: nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.ts (TypeScript source or declaration (n8n loads the compiled .js; the build emits no .d.ts))',
			'stale: dist/nodes/ActiveCampaignV3/framework/removed.js has no source nodes/ActiveCampaignV3/framework/removed.ts (delete dist/ and run npm run build)',
			'must not ship: tsconfig.json (not something n8n loads)',
		]);
	});
});
