import { Injectable } from '@nestjs/common';
import { OpenAiFunctionTool, DataToolCatalogue } from './data-tool-catalogue';
import { ModelToolCall, ToolCallExecutor, ToolMessage } from './tool-call-executor';

/** A message of the loop's conversation after the rendered prompt, in the OpenAI shape. */
export type ToolLoopMessage =
  | { readonly role: 'assistant'; readonly content: string | null; readonly tool_calls?: readonly ModelToolCall[] }
  | ToolMessage;

/** What one model call answered (the gateway's completion, reduced to what the loop needs). */
export interface ModelAnswer {
  readonly content: string | null;
  readonly toolCalls: readonly ModelToolCall[];
  /** The call log id of this model call (audited with its tool calls). */
  readonly callId?: string | null;
  /** The prompt version that answered (an A/B split may change it between calls). */
  readonly promptVersion?: number | null;
}

/** How to make one model call: the conversation so far (after the prompt) and the tools offered (none on the last turn). */
export type CompleteFn = (
  conversation: readonly ToolLoopMessage[],
  tools: readonly OpenAiFunctionTool[],
) => Promise<ModelAnswer>;

export interface ToolLoopInput {
  readonly feature: string;
  /** The person the feature acts for (the row filter of `own` grants), or null. */
  readonly actorUserId: string | null;
  readonly promptName?: string | null;
  readonly complete: CompleteFn;
  /** Model calls at most (default 4); the last one is offered no tools, so it must answer in text. */
  readonly maxModelCalls?: number;
}

export interface ToolLoopResult {
  /** The model's final text (null if it gave none). */
  readonly content: string | null;
  /** The conversation after the prompt: assistant turns with their tool calls and the tool answers. */
  readonly conversation: readonly ToolLoopMessage[];
  readonly modelCalls: number;
  readonly toolCalls: number;
}

export const DEFAULT_MAX_MODEL_CALLS = 4;

/**
 * The tool loop: model call → tool calls executed server-side (scope, limits, audit) → their
 * answers appended → model call again, until the model answers without tools. The model is offered
 * only the tools the feature's grants reach, and `ToolCallExecutor` checks every call again
 * (a model may name a tool it was not offered). The gateway drives it by passing `complete`.
 */
@Injectable()
export class ToolLoop {
  constructor(
    private readonly catalogue: DataToolCatalogue,
    private readonly executor: ToolCallExecutor,
  ) {}

  async run(input: ToolLoopInput): Promise<ToolLoopResult> {
    const maxCalls = Math.max(1, input.maxModelCalls ?? DEFAULT_MAX_MODEL_CALLS);
    const conversation: ToolLoopMessage[] = [];
    let toolCalls = 0;
    for (let call = 1; ; call++) {
      const last = call >= maxCalls;
      const tools = last
        ? []
        : this.catalogue.openAiToolsFor((await this.executor.effectiveGrants(input.feature)).scopes);
      const answer = await input.complete([...conversation], tools);
      const calls = answer.toolCalls ?? [];
      conversation.push({ role: 'assistant', content: answer.content, ...(calls.length ? { tool_calls: calls } : {}) });
      if (calls.length === 0) return { content: answer.content, conversation, modelCalls: call, toolCalls };
      const messages = await this.executor.answer({
        feature: input.feature,
        actorUserId: input.actorUserId,
        toolCalls: calls,
        promptName: input.promptName ?? null,
        promptVersion: answer.promptVersion ?? null,
        callId: answer.callId ?? null,
        noMoreCalls: last,
      });
      toolCalls += calls.length;
      conversation.push(...messages);
      if (last) return { content: answer.content, conversation, modelCalls: call, toolCalls };
    }
  }
}
