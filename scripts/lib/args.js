// Command-line arguments for the scripts and benchmarks: one loop, so that "needs a value",
// "unknown argument" and --help behave the same everywhere. Plain Node.js, no dependencies.
'use strict';

/**
 * Walks `argv`. `onArg(arg, value)` handles one argument and returns false when it does not know
 * it; `value()` takes the next argument as its value (an error when there is none). `--help` and
 * `-h` print `usage` and exit.
 */
function walkArgs(argv, usage, onArg) {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--help' || arg === '-h') {
			process.stdout.write(usage);
			process.exit(0);
		}
		if (onArg(arg, value) === false) throw new Error(`unknown argument ${arg}`);
	}
}

module.exports = { walkArgs };
