// Ends a jest run with one line that says how it went (for the e2e and browser suites, whose
// logs are long): "<suite>: N passed, N failed, N total".
class SummaryReporter {
	constructor(_globalConfig, options = {}) {
		this.label = options.label || 'tests';
	}

	onRunComplete(_contexts, results) {
		const line = `${this.label}: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numTotalTests} total`;
		// After jest's own summary, as the very last line of the run.
		process.once('exit', () => process.stdout.write(`${line}\n`));
	}
}

module.exports = SummaryReporter;
