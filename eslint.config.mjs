// n8n's community-package linting for the editor and `eslint .`: the rule sets of
// eslint-plugin-n8n-nodes-base for nodes, credentials and package.json, plus
// @n8n/eslint-plugin-community-nodes. `npm run lint` then runs n8n's own gate, the
// @n8n/scan-community-package scanner with its own configuration (scripts/scan.mjs), on the sources
// and on the packed tarball. The only rules switched off here are those the scanner switches off
// itself (same reasons as in its configuration).
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
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		languageOptions: { ...ts, parserOptions: { extraFileExtensions: ['.json'] } },
	},
];
