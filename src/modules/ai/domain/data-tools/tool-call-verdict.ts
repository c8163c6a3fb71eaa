/**
 * How a model's tool call ended, as the audit records it:
 * - `allowed`: the owner answered (possibly zero rows);
 * - `refused_scope`: the feature holds no grant covering the tool's scope;
 * - `refused_write`: the model asked for a change (a command, not a data tool): it may only propose,
 *   a person confirms through the normal routes;
 * - `refused_limit`: over the feature's tool calls per turn;
 * - `refused_unknown`: no such tool;
 * - `refused_arguments`: arguments not JSON, or not the tool's parameters;
 * - `error`: the owner failed or could not be reached.
 */
export type ToolCallVerdict =
  'allowed' | 'refused_scope' | 'refused_write' | 'refused_limit' | 'refused_unknown' | 'refused_arguments' | 'error';

export const TOOL_CALL_VERDICTS: readonly ToolCallVerdict[] = [
  'allowed',
  'refused_scope',
  'refused_write',
  'refused_limit',
  'refused_unknown',
  'refused_arguments',
  'error',
];
