import { resetRateLimiter } from '../nodes/ActiveCampaignV3/transport/rateLimiter';
import { configureTransport, resetTransport } from '../nodes/ActiveCampaignV3/transport/settings';
import { ActiveCampaignEmulator, type EmulatorOptions } from './emulator/server';
import { runNode, type RunResult } from './harness';
import type { IDataObject } from 'n8n-workflow';

/**
 * Per-test-file fixture: a fresh emulator on a random port and a `run(resource, operation, params)`
 * that executes our node against it through n8n's engine.
 *
 * Back-off delays are shortened so retry tests take milliseconds, and a 429 is waited through for
 * at most 5 s; the rate limit itself stays the real 5 requests/second on both sides unless a test
 * says otherwise.
 */
export function useEmulator(options: EmulatorOptions = {}) {
	const context = {
		emulator: undefined as unknown as ActiveCampaignEmulator,
		/**
		 * The credential's "Requests per Second" (ActiveCampaign's 5 unless a test raises it, e.g. for
		 * fault tests against an emulator without a limit). Reset before each test.
		 */
		requestsPerSecond: undefined as number | undefined,
		async run(
			resource: string,
			operation: string,
			parameters: IDataObject = {},
			items?: IDataObject[],
			credentials?: { apiUrl?: string; apiKey?: string },
		): Promise<RunResult> {
			return runNode({
				parameters: { resource, operation, ...parameters },
				items,
				credentials: {
					apiUrl: credentials?.apiUrl ?? context.emulator.url,
					apiKey: credentials?.apiKey ?? context.emulator.apiKey,
					...(context.requestsPerSecond === undefined ? {} : { requestsPerSecond: context.requestsPerSecond }),
				},
			});
		},
		/** Shortcut for a single item: its output json. */
		async one(resource: string, operation: string, parameters: IDataObject = {}): Promise<IDataObject> {
			const result = await context.run(resource, operation, parameters);
			if (result.json.length !== 1) throw new Error(`expected 1 output item, got ${result.json.length}`);
			return result.json[0];
		},
	};
	beforeEach(async () => {
		resetRateLimiter();
		resetTransport();
		context.requestsPerSecond = undefined;
		configureTransport({ backoffBaseMs: 5, backoffMaxMs: 1500, timeoutMs: 2000, rateLimitWaitMs: 5000 });
		context.emulator = new ActiveCampaignEmulator({ rateLimitPerSecond: 0, ...options });
		await context.emulator.start();
	});
	afterEach(async () => {
		await context.emulator.stop();
	});
	return context;
}

/** The standardized success envelope around `data`. */
export function success(key: string, data: unknown, originalStatusCode = 200): IDataObject {
	return { [key]: data, OriginalStatusCode: originalStatusCode, StatusCode: 200, ErrorMessage: '' } as IDataObject;
}
