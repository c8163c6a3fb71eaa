import { Reach } from './data-scopes';
import { ToolCallVerdict } from './tool-call-verdict';

/** One line of the append-only tool audit: what a model asked, for whom, and what it got. No argument values are kept. */
export interface ToolCallRecord {
  readonly id: string;
  /** When the call was decided (ISO 8601). */
  readonly at: string;
  /** The model call (the gateway's call log id) that asked for it, when known. */
  readonly callId: string | null;
  readonly feature: string;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  /** The user the feature acted for (rows were filtered by them under `own`), or null. */
  readonly actorUserId: string | null;
  /** The tool name the model asked for (also when no such tool exists). */
  readonly tool: string;
  /** The model's id of the tool call (`tool_call_id`). */
  readonly toolCallId: string | null;
  /** The tool's declared scope, or null for an unknown tool. */
  readonly scope: string | null;
  /** The reach the grants gave (`own`/`any`), or null when refused before. */
  readonly reach: Reach | null;
  /** SHA-256 (hex) of the canonical JSON arguments. */
  readonly argumentsSha256: string;
  readonly rowsReturned: number;
  readonly verdict: ToolCallVerdict;
  /** Why it was refused or failed (no argument values), or null. */
  readonly detail: string | null;
  /** From the model's request to the answer, in milliseconds. */
  readonly latencyMs: number;
  /** The feature's grants version the decision was made under (0: none ever granted). */
  readonly grantsVersion: number;
  readonly correlationId: string;
}
