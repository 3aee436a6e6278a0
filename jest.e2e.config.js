/**
 * End-to-end suite in a real n8n (npm run test:e2e). Separate from the unit config: it needs the
 * cached n8n (scripts/ensure-n8n.js) and the built package, and takes minutes, not seconds.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	testTimeout: 60000,
	maxWorkers: 1,
	verbose: true,
	reporters: ['default', ['<rootDir>/test/summaryReporter.js', { label: 'e2e' }]],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
