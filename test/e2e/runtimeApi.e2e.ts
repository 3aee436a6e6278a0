/**
 * A community package does not get the n8n-workflow of its devDependencies at run time: n8n hands
 * it its own copy (n8n 2.41.1 ships n8n-workflow 2.41.0). Every name the compiled package takes
 * from 'n8n-workflow' must exist there. (`sleepWithAbort` did not: the unit suites, which load the
 * devDependency, passed while a real n8n hung.)
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const n8n = require('../../scripts/lib/n8n');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureN8n } = require('../../scripts/ensure-n8n');

function compiledFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return compiledFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

/** Names read from the module as tsc compiles `import { x } from 'n8n-workflow'`: `n8n_workflow_1.x`. */
function workflowNamesUsed(file: string): string[] {
	const source = fs.readFileSync(file, 'utf8');
	const alias = /const (n8n_workflow_\d+) = require\("n8n-workflow"\)/.exec(source)?.[1];
	if (!alias) return [];
	const names = new Set<string>();
	for (const match of source.matchAll(new RegExp(`${alias}\\.([A-Za-z_$][\\w$]*)`, 'g'))) names.add(match[1]);
	return [...names];
}

describe("the package against the n8n-workflow that n8n itself ships", () => {
	it('every name the compiled package takes from n8n-workflow exists in n8n 2.41.1\'s copy', async () => {
		const dist = path.join(n8n.ROOT, 'dist');
		expect(fs.existsSync(dist)).toBe(true);
		const { dir } = await ensureN8n();
		const runtime = require(path.join(dir, 'node_modules', 'n8n-workflow'));
		const used = new Map<string, string[]>();
		for (const file of compiledFiles(dist)) {
			for (const name of workflowNamesUsed(file)) used.set(name, [...(used.get(name) ?? []), path.relative(dist, file)]);
		}
		// The package does use n8n-workflow (a scan that finds nothing proves nothing).
		expect([...used.keys()]).toEqual(expect.arrayContaining(['NodeOperationError', 'sleep']));
		const missing = [...used.entries()].filter(([name]) => runtime[name] === undefined).map(([name, files]) => `${name} (${files.join(', ')})`);
		expect(missing).toEqual([]);
	});
});
