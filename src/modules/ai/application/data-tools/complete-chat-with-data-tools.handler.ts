import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChatCompletion, ChatTurn, CompleteChatWithDataTools, DataToolChatCompletion } from '../../contracts';
import { ModelGateway } from '../gateway/model-gateway';
import { ToolLoop, ToolLoopMessage } from './tool-loop';

const MAX_MODEL_CALLS = 8;

/** `ai.CompleteChatWithDataTools`: the tool loop, each model call through the gateway. */
@CommandHandler(CompleteChatWithDataTools)
export class CompleteChatWithDataToolsHandler implements ICommandHandler<CompleteChatWithDataTools> {
  constructor(
    private readonly gateway: ModelGateway,
    private readonly loop: ToolLoop,
  ) {}

  async execute(command: CompleteChatWithDataTools): Promise<DataToolChatCompletion> {
    const { userId, stickyKey, callingModule, maxModelCalls } = command.options ?? {};
    const completions: ChatCompletion[] = [];
    const result = await this.loop.run({
      feature: command.feature,
      actorUserId: userId ?? null,
      promptName: command.promptName,
      maxModelCalls: Math.min(Math.max(1, Math.trunc(Number(maxModelCalls ?? 4)) || 4), MAX_MODEL_CALLS),
      complete: async (conversation, tools) => {
        const completion = await this.gateway.complete({
          feature: command.feature,
          promptName: command.promptName,
          label: command.label,
          variables: command.variables,
          ...(userId ? { userId } : {}),
          ...(stickyKey ? { stickyKey } : {}),
          ...(callingModule ? { callingModule } : {}),
          tools: tools.map((t) => ({
            name: t.function.name,
            description: t.function.description,
            parameters: t.function.parameters,
          })),
          conversation: conversation.map(toChatTurn),
        });
        completions.push(completion);
        return {
          content: completion.content,
          toolCalls: completion.toolCalls.map((c) => ({
            id: c.id,
            type: 'function',
            function: { name: c.name, arguments: c.arguments },
          })),
          callId: completion.callId,
          promptVersion: completion.prompt.version,
        };
      },
    });
    return {
      completion: completions[completions.length - 1],
      callIds: completions.map((c) => c.callId),
      toolCalls: result.toolCalls,
    };
  }
}

function toChatTurn(message: ToolLoopMessage): ChatTurn {
  if (message.role === 'tool') return { role: 'tool', toolCallId: message.tool_call_id, content: message.content };
  return {
    role: 'assistant',
    content: message.content,
    ...(message.tool_calls?.length
      ? {
          toolCalls: message.tool_calls.map((c) => ({
            id: c.id,
            name: c.function?.name ?? '',
            arguments: c.function?.arguments ?? '',
          })),
        }
      : {}),
  };
}
