#!/usr/bin/env node
// Checks what `npm publish` would ship, before it ships: `npm pack --dry-run --json` lists the
// tarball's files, and this script asserts that they are exactly what n8n loads from a community
// package and nothing else. Part of `npm test`, right after `npm run build` (it reads dist/).
//
// Must be there (n8n loads it):
//   - package.json, README.md, and the LICENSE file when the repository has one;
//   - every file in package.json `n8n.nodes` and `n8n.credentials`;
//   - every icon a shipped node or credential references (`file:…svg`, resolved next to the
//     compiled file, as n8n resolves it);
//   - each node's codex file (`X.node.json` next to `X.node.js`).
// Must not be there: tests, the emulator, benchmarks, scripts, TypeScript sources. The build emits
// neither declarations nor source maps (tsconfig: declaration and sourceMap false) and n8n loads
// only .js, so a `.ts`, `.d.ts` or `.map` file in the tarball can only be a leftover of another
// build (e.g. `tsc -p tsconfig.json` without --noEmit writes dist/test/...) and is refused too.
// A compiled file whose TypeScript source no longer exists is stale build output: refused, with
// the fix (delete dist/, rebuild).
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

/** Files the package may ship besides dist/ (npm always adds package.json, README and LICENSE). */
const TOP_LEVEL = /^(package\.json|README\.md|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/;
/** What the build writes into dist/: compiled code, codex files, icons. */
const DIST = /^dist\/(nodes|credentials)\/.+\.(js|node\.json)$|^dist\/icons\/[^/]+\.svg$/;
/** Never in a published package, wherever they sit. */
const FORBIDDEN = [
	[/(^|\/)(test|tests|__tests__|emulator|bench|scripts|\.ci|\.github)\//, 'test, emulator, bench or tooling folder'],
	[/\.(test|spec|e2e|browser)\.[cm]?[jt]s$/, 'test file'],
	[/\.map$/, 'source map (the build emits none)'],
	[/\.ts$/, 'TypeScript source or declaration (n8n loads the compiled .js; the build emits no .d.ts)'],
];

/** The tarball's file list, as `npm pack --dry-run --json` reports it. */
function packedFiles(cwd = ROOT) {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(output);
	return info.files.map((file) => file.path).sort();
}

/** `file:` icon paths in a compiled node or credential, resolved to tarball paths. */
function iconsReferencedBy(file, source) {
	const icons = new Set();
	for (const match of source.matchAll(/['"]file:([^'"]+\.svg)['"]/g)) {
		icons.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])));
	}
	return [...icons];
}

/**
 * The problems with a tarball file list, as sentences; an empty list means the tarball is right.
 * `readFile(relativePath)` reads a file of the package (the entry points, to find their icons);
 * `sourceExists(relativePath)` tells whether a TypeScript source exists; `license` is the
 * repository's license file name, if it has one.
 */
function problems(files, packageJson, { readFile, sourceExists, license }) {
	const found = [];
	const shipped = new Set(files);
	const need = (file, why) => {
		if (!shipped.has(file)) found.push(`missing: ${file} (${why})`);
	};
	need('package.json', 'n8n reads the package');
	need('README.md', 'the package page');
	if (license) need(license, 'the license the package is published under');
	const n8n = packageJson.n8n ?? {};
	const nodes = Array.isArray(n8n.nodes) ? n8n.nodes : [];
	const credentials = Array.isArray(n8n.credentials) ? n8n.credentials : [];
	if (nodes.length === 0) found.push('package.json n8n.nodes lists no node');
	for (const file of [...nodes, ...credentials]) {
		need(file, 'listed in package.json n8n');
		if (!shipped.has(file)) continue;
		for (const icon of iconsReferencedBy(file, readFile(file))) need(icon, `icon of ${file}`);
	}
	for (const file of nodes) need(file.replace(/\.js$/, '.json'), `codex of ${file}`);
	for (const file of files) {
		const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(file));
		if (forbidden) {
			found.push(`must not ship: ${file} (${forbidden[1]})`);
			continue;
		}
		if (!TOP_LEVEL.test(file) && !DIST.test(file)) {
			found.push(`must not ship: ${file} (not something n8n loads)`);
			continue;
		}
		if (/^dist\/.+\.js$/.test(file) && !sourceExists(file.replace(/^dist\//, '').replace(/\.js$/, '.ts'))) {
			found.push(`stale: ${file} has no source ${file.replace(/^dist\//, '').replace(/\.js$/, '.ts')} (delete dist/ and run npm run build)`);
		}
	}
	return found;
}

function main() {
	const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const files = packedFiles();
	const found = problems(files, packageJson, {
		readFile: (file) => fs.readFileSync(path.join(ROOT, file), 'utf8'),
		sourceExists: (file) => fs.existsSync(path.join(ROOT, file)),
		license: fs.readdirSync(ROOT).find((name) => /^LICEN[CS]E(\.md|\.txt)?$/.test(name)),
	});
	for (const problem of found) process.stderr.write(`check-tarball: ${problem}\n`);
	const verdict = found.length === 0 ? 'ok' : `FAILED, ${found.length} problem${found.length === 1 ? '' : 's'}`;
	process.stdout.write(`check-tarball: ${files.length} files in ${packageJson.name}-${packageJson.version}.tgz, ${verdict}\n`);
	process.exitCode = found.length === 0 ? 0 : 1;
}

if (require.main === module) main();

module.exports = { packedFiles, iconsReferencedBy, problems };
