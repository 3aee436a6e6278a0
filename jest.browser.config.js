/**
 * The editor in Chromium (npm run test:browser): real n8n, real browser, steps in order.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	testTimeout: 120000,
	maxWorkers: 1,
	verbose: true,
	reporters: ['default', ['<rootDir>/test/summaryReporter.js', { label: 'browser' }]],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
