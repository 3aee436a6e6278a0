/** Expected-output helpers shared by the e2e case files. */

/** ActiveCampaign's timestamp style (the emulator answers with a fixed -05:00 offset). */
export const TIMESTAMP = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/);

/** A success output: the data under its key, the upstream status, StatusCode 200 and no message. */
export const ok = (key: string, data: unknown, original = 200) => ({ [key]: data, OriginalStatusCode: original, StatusCode: 200, ErrorMessage: '' });

/** An upstream 3xx/4xx output: the failure value, the upstream status, StatusCode 200 and the message. */
export const upstream = (key: string, original: number, message: string, failure: unknown = {}) => ({
	[key]: failure,
	OriginalStatusCode: original,
	StatusCode: 200,
	ErrorMessage: message,
});

/** The emulator's absolute link base (ActiveCampaign answers with absolute links on some resources). */
export const LINK = 'https://emulator.api-us1.com/api/3';
