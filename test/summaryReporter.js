const fs = require('fs');

// Ends a jest run with one plain closing line, "<suite>: N passed, N failed" (", N skipped" when
// any were), which CI and humans read without parsing jest's own summary.
class SummaryReporter {
	constructor(_globalConfig, options = {}) {
		// One word: the line must read "<word>: N passed, N failed".
		this.label = String(options.label || 'tests').replace(/\W+/g, '-');
	}

	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${this.label}: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
		// After jest's own summary and its "Force exiting" notice, as the very last line of the run;
		// written synchronously because a pipe's async write would be lost at exit.
		process.once('exit', () => fs.writeSync(1, `${line}\n`));
	}
}

module.exports = SummaryReporter;
