#!/usr/bin/env node
// n8n's gate for community packages, run locally: @n8n/scan-community-package lints the package's
// sources (its SOURCE_FILE_PATTERNS: package.json, nodes/ and credentials/) and the `npm pack`
// tarball (compiled .js + package.json) with its own ESLint configuration, inline `eslint-disable`
// comments ignored. Its CLI only takes published packages; `analyzePackage(dir, patterns)` is the
// same check on a folder. Needs a build (dist/) for the tarball leg.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!fs.existsSync(path.join(root, 'dist'))) {
	process.stderr.write('scan: dist/ is missing; run `npm run build` first\n');
	process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-scan-'));
let failed = 0;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
	);
	const tarball = path.join(work, packed[0].filename);
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);

	const legs = [
		{ name: 'sources', dir: root, patterns: SOURCE_FILE_PATTERNS },
		{ name: 'tarball', dir: unpacked, patterns: ['**/*.js', 'package.json'] },
	];
	for (const leg of legs) {
		const result = await analyzePackage(leg.dir, leg.patterns);
		if (result.passed) {
			process.stdout.write(`scan ${leg.name}: 0 violations\n`);
		} else {
			failed++;
			process.stdout.write(`scan ${leg.name}: ${result.message}\n${result.details ?? ''}\n`);
		}
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`scan: ${2 - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
