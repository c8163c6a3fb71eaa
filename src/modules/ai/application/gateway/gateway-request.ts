import { ChatToolDefinition, ChatTurn } from '../../contracts';
import { VariableValues } from '../../domain/prompt-template';

/** One model call asked of the gateway (what `ai.CompleteChat` carries; the tool loop builds its own). */
export interface GatewayRequest {
  /** The AI feature asking, e.g. `catalog.description-drafts`: its budgets, settings and log. */
  readonly feature: string;
  readonly promptName: string;
  readonly label: string;
  readonly variables: VariableValues;
  readonly userId?: string;
  /** Sticky key of an A/B split; default: `userId`. */
  readonly stickyKey?: string;
  readonly callingModule?: string;
  readonly tools?: readonly ChatToolDefinition[];
  readonly conversation?: readonly ChatTurn[];
  /** Stream the provider's answer (the completion is still returned whole; time to first token is logged). */
  readonly stream?: boolean;
}
