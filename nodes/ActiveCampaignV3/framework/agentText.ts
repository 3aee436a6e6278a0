import type { OperationDefinition } from './operation';

/**
 * How every result reads, for a model: the standardized output of CONTRACT §2 in one sentence.
 * Operations that create a record without a natural key say in their hint that a retry duplicates.
 */
export const RESULT_NOTE =
	'Result: one object with the data under its own key, StatusCode, OriginalStatusCode and ErrorMessage; ' +
	'success only when ErrorMessage is empty; StatusCode -1 = an argument is wrong, fix the one ErrorMessage names ' +
	'(nothing was sent); 500 = ActiveCampaign failed, may be retried unless said otherwise';

/**
 * The editor names a new node after its operation's action text (`<action> in ActiveCampaign V3`
 * for a tool) and n8n turns that name into the tool's name, cut at 64 characters. Longer actions
 * would lose the end of the tool name, so actions stay within this length.
 */
export const MAX_ACTION_LENGTH = 45;

/**
 * The operation's action text: the node panel's entry, the default node name and, for an AI
 * agent's tool whose description is "Set Automatically", the tool description n8n sends to the
 * model (`<action> in ActiveCampaign V3`). The title unless the operation has a trap a model must
 * see even then (which ID is meant, cents, a retry that duplicates).
 */
export function actionText(op: Pick<OperationDefinition, 'title' | 'action'>): string {
	return op.action ?? op.title;
}

/**
 * The full description for a tool whose description is "Set Manually" (README "Use with AI agents",
 * docs/agent-tools.json): what the operation does, its agent hint and how to read the result.
 */
export function agentDescription(op: Pick<OperationDefinition, 'title' | 'description' | 'agentHint'>): string {
	return `${op.title}: ${op.description}.${op.agentHint ? ` ${op.agentHint}.` : ''} ${RESULT_NOTE}.`;
}
