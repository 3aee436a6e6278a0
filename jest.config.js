/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 30000,
	// n8n-core keeps process-wide handles (DI container services, keep-alive agents) that outlive a test file.
	forceExit: true,
	reporters: ['default', ['<rootDir>/test/summaryReporter.js', { label: 'unit' }]],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
