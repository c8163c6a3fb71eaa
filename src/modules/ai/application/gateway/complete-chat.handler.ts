import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChatCompletion, CompleteChat } from '../../contracts';
import { ModelGateway } from './model-gateway';

/** `ai.CompleteChat`: one model call through the gateway (budgets, fallback, log, cost). */
@CommandHandler(CompleteChat)
export class CompleteChatHandler implements ICommandHandler<CompleteChat> {
  constructor(private readonly gateway: ModelGateway) {}

  execute(command: CompleteChat): Promise<ChatCompletion> {
    return this.gateway.complete({
      feature: command.feature,
      promptName: command.promptName,
      label: command.label,
      variables: command.variables,
      ...command.options,
    });
  }
}
