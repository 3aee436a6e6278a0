// n8n's community-package linting: the rule sets of eslint-plugin-n8n-nodes-base for nodes,
// credentials and package.json, plus @n8n/eslint-plugin-community-nodes (the checks n8n runs when
// verifying community packages). Only the shipped sources are linted; tests and tooling are not
// part of the package. Every rule switched off below says why.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const base = n8nNodesBase.configs;
const ts = { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' };

export default [
	{
		ignores: [
			'dist/**',
			'build/**',
			'node_modules/**',
			'test/**',
			'bench/**',
			'scripts/**',
			'coverage/**',
			'test-artifacts/**',
			'.ci/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		// ESLint's core rules are not enabled here (tsc covers them), so disable comments written
		// for them elsewhere are not "unused".
		linterOptions: { reportUnusedDisableDirectives: 'off' },
	},
	{
		files: ['package.json'],
		// typescript-estree parses a .json file into one object expression, which these rules expect.
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: base.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: ts,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.credentials.rules,
			// "Only applicable to nodes in the main repository" (the rule's own description): a
			// community credential links to the vendor's documentation page, a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: ts,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.nodes.rules,
			// These two predate NodeConnectionTypes and ask for the string 'main', which the newer
			// @n8n/community-nodes/node-connection-type-literal rule forbids; the newer rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['nodes/ActiveCampaignV3/ActiveCampaignV3.node.ts'],
		rules: {
			// False positive: the rule strips a version suffix from the file name (ActiveCampaignV3 ->
			// ActiveCampaign) but not from `description.name` (activeCampaignV3), so the two can never match.
			'n8n-nodes-base/node-filename-against-convention': 'off',
		},
	},
	{
		files: ['nodes/ActiveCampaignV3/framework/**/*.ts'],
		rules: {
			// The framework computes defaults (e.g. the first registered operation); the rule only
			// recognises literal `default:` values. test/lint/descriptor.test.ts checks that every built
			// property has one.
			'n8n-nodes-base/node-param-default-missing': 'off',
		},
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		languageOptions: { ...ts, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['nodes/ActiveCampaignV3/framework/**/*.ts', 'nodes/ActiveCampaignV3/transport/**/*.ts', 'nodes/ActiveCampaignV3/actions/**/*.ts'],
		rules: {
			// The rule protects the HTTP context of errors that reach n8n's UI. None of ours do: the
			// framework's per-item loop (framework/execute.ts) catches ValidationError, UpstreamError
			// and NetworkError and turns each into the output item's StatusCode/OriginalStatusCode/
			// ErrorMessage, which is the package's contract. Re-throwing inside the modules is how
			// they reach that loop.
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	{
		files: ['nodes/ActiveCampaignV3/transport/**/*.ts'],
		rules: {
			// The transport's rate limiter and back-off need cancellable timers, and its tunables are
			// read from the environment. n8n Cloud forbids both; this package targets self-hosted n8n
			// (see docs/dev.md), so the Cloud-only restriction is switched off for the transport alone.
			'@n8n/community-nodes/no-restricted-globals': 'off',
		},
	},
];
