/**
 * A scripted, OpenAI-compatible model server on 127.0.0.1 for the AI-agent end-to-end suite.
 *
 * n8n's OpenAI Chat Model node (LangChain's ChatOpenAI) talks to it exactly as to api.openai.com:
 * `POST /v1/responses` (the Responses API, used by model node v1.3 by default) and
 * `POST /v1/chat/completions` (when "Use Responses API" is off, or node versions below 1.3).
 * Instead of a language model, each conversation follows a script chosen by a marker in the
 * user's message: the n-th answer of a conversation is the script's n-th step, where n is the
 * number of tool results the request already carries. A step either calls a tool (its arguments
 * may be computed from the tool results so far, as a model would read an ID off a result) or
 * answers in text. Every request is recorded: which API, the tools offered (name, description,
 * JSON schema) and the tool results the model received.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { Socket } from 'net';

export interface ToolResult {
	callId: string;
	/** The tool's name as the model called it (taken from the call with the same id). */
	name: string;
	/** The raw text n8n sent back as the tool's output. */
	output: string;
}

export interface OfferedTool {
	name: string;
	description: string;
	parameters: unknown;
}

export type ScriptStep =
	| { call: string; args: Record<string, unknown> | ((results: ToolResult[]) => Record<string, unknown>) }
	| { answer: string | ((results: ToolResult[]) => string) };

export interface Script {
	/** The conversation this script plays: the user's message contains this marker. */
	marker: string;
	steps: ScriptStep[];
}

export interface ModelRequest {
	api: 'responses' | 'chat';
	/** The script whose marker matched (undefined when none did). */
	marker: string | undefined;
	model: string;
	tools: OfferedTool[];
	/** Every tool result in the conversation so far, oldest first. */
	toolResults: ToolResult[];
	/** The system/developer and user texts. */
	system: string;
	user: string;
	/** What the server answered: a tool call or a text. */
	answered: { call: string; args: Record<string, unknown> } | { answer: string } | { error: string };
}

type Json = Record<string, any>;

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
	}
	return '';
}

/** The conversation of a Responses API request, reduced to what a script needs. */
function readResponsesInput(body: Json): { system: string; user: string; toolResults: ToolResult[]; tools: OfferedTool[] } {
	const input: Json[] = typeof body.input === 'string' ? [{ type: 'message', role: 'user', content: body.input }] : (body.input ?? []);
	const names = new Map<string, string>();
	const toolResults: ToolResult[] = [];
	let system = typeof body.instructions === 'string' ? body.instructions : '';
	let user = '';
	for (const item of input) {
		const type = item.type ?? 'message';
		if (type === 'message' && (item.role === 'system' || item.role === 'developer')) system += textOf(item.content);
		else if (type === 'message' && item.role === 'user') user += textOf(item.content);
		else if (type === 'function_call') names.set(item.call_id, item.name);
		else if (type === 'function_call_output') {
			toolResults.push({ callId: item.call_id, name: names.get(item.call_id) ?? '', output: textOf(item.output) });
		}
	}
	const tools = (body.tools ?? [])
		.filter((tool: Json) => tool.type === 'function')
		.map((tool: Json) => ({ name: tool.name, description: tool.description ?? '', parameters: tool.parameters }));
	return { system, user, toolResults, tools };
}

/** The conversation of a Chat Completions request. */
function readChatInput(body: Json): { system: string; user: string; toolResults: ToolResult[]; tools: OfferedTool[] } {
	const names = new Map<string, string>();
	const toolResults: ToolResult[] = [];
	let system = '';
	let user = '';
	for (const message of (body.messages ?? []) as Json[]) {
		if (message.role === 'system' || message.role === 'developer') system += textOf(message.content);
		else if (message.role === 'user') user += textOf(message.content);
		else if (message.role === 'assistant') {
			for (const call of message.tool_calls ?? []) names.set(call.id, call.function?.name);
		} else if (message.role === 'tool') {
			toolResults.push({ callId: message.tool_call_id, name: names.get(message.tool_call_id) ?? '', output: textOf(message.content) });
		}
	}
	const tools = (body.tools ?? [])
		.filter((tool: Json) => tool.type === 'function')
		.map((tool: Json) => ({
			name: tool.function.name,
			description: tool.function.description ?? '',
			parameters: tool.function.parameters,
		}));
	return { system, user, toolResults, tools };
}

export class ScriptedModelServer {
	readonly requests: ModelRequest[] = [];
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	private port = 0;
	private sequence = 0;

	constructor(private readonly scripts: Script[]) {}

	/** What the OpenAI credential's Base URL must be: `http://127.0.0.1:<port>/v1`. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}/v1`;
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const address = this.server.address();
		this.port = typeof address === 'object' && address ? address.port : 0;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	/** The requests of one conversation, in order. */
	conversation(marker: string): ModelRequest[] {
		return this.requests.filter((r) => r.marker === marker);
	}

	/** The tool results the model received in one conversation (the last request carries them all). */
	toolResults(marker: string): ToolResult[] {
		const requests = this.conversation(marker);
		return requests.length === 0 ? [] : requests[requests.length - 1].toolResults;
	}

	private nextId(prefix: string): string {
		this.sequence++;
		return `${prefix}_${String(this.sequence).padStart(6, '0')}`;
	}

	/** The script's next step for this conversation. */
	private decide(user: string, toolResults: ToolResult[]): { marker?: string; step: ModelRequest['answered'] } {
		const script = this.scripts.find((s) => user.includes(s.marker));
		if (!script) return { step: { error: `no script matches the user message ${JSON.stringify(user.slice(0, 200))}` } };
		const step = script.steps[toolResults.length];
		if (!step) return { marker: script.marker, step: { error: `script ${script.marker} has no step ${toolResults.length + 1}` } };
		if ('call' in step) {
			const args = typeof step.args === 'function' ? step.args(toolResults) : step.args;
			return { marker: script.marker, step: { call: step.call, args } };
		}
		return { marker: script.marker, step: { answer: typeof step.answer === 'function' ? step.answer(toolResults) : step.answer } };
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const path = (req.url ?? '').split('?')[0];
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method === 'GET' && path === '/v1/models') {
			return send(200, { object: 'list', data: [{ id: 'scripted-model', object: 'model', created: 0, owned_by: 'test' }] });
		}
		if (req.method !== 'POST' || (path !== '/v1/responses' && path !== '/v1/chat/completions')) {
			return send(404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
		}
		let body: Json;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			return send(400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
		}
		const api = path === '/v1/responses' ? 'responses' : 'chat';
		const conversation = api === 'responses' ? readResponsesInput(body) : readChatInput(body);
		const { marker, step } = body.stream
			? { marker: undefined, step: { error: 'streaming is not scripted' } as ModelRequest['answered'] }
			: this.decide(conversation.user, conversation.toolResults);
		this.requests.push({ api, marker, model: String(body.model), ...conversation, answered: step });
		// A 400 is not retried by the OpenAI client: a script error fails the run at once, visibly.
		if ('error' in step) return send(400, { error: { message: step.error, type: 'invalid_request_error' } });
		return send(200, api === 'responses' ? this.responsesAnswer(body, step) : this.chatAnswer(body, step));
	}

	private responsesAnswer(body: Json, step: { call: string; args: Json } | { answer: string }): Json {
		const output =
			'call' in step
				? [
						{
							type: 'function_call',
							id: this.nextId('fc'),
							call_id: this.nextId('call'),
							name: step.call,
							arguments: JSON.stringify(step.args),
							status: 'completed',
						},
					]
				: [
						{
							type: 'message',
							id: this.nextId('msg'),
							role: 'assistant',
							status: 'completed',
							content: [{ type: 'output_text', text: step.answer, annotations: [] }],
						},
					];
		return {
			id: this.nextId('resp'),
			object: 'response',
			created_at: Math.floor(Date.now() / 1000),
			status: 'completed',
			error: null,
			incomplete_details: null,
			model: body.model,
			output,
			parallel_tool_calls: true,
			tool_choice: 'auto',
			tools: body.tools ?? [],
			usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
		};
	}

	private chatAnswer(body: Json, step: { call: string; args: Json } | { answer: string }): Json {
		const message =
			'call' in step
				? {
						role: 'assistant',
						content: null,
						tool_calls: [{ id: this.nextId('call'), type: 'function', function: { name: step.call, arguments: JSON.stringify(step.args) } }],
					}
				: { role: 'assistant', content: step.answer };
		return {
			id: this.nextId('chatcmpl'),
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
			choices: [{ index: 0, message, finish_reason: 'call' in step ? 'tool_calls' : 'stop', logprobs: null }],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		};
	}
}
