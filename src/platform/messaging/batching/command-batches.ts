import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../../config';
import { contractTypeOf, MessageEnvelope, ownerOf } from '../contracts';
import { runAsHandlingOf } from '../envelopes';
import { partitionKeyOf } from '../outbox/delivery-partitions';
import { TransactionRunner } from '../transaction-runner';
import { BATCHED_COMMAND_HANDLER, BatchedCommandHandlerMetadata } from './batched-command-handler';
import { BatchItem, HandlerBatches } from './handler-batches';
import { batchOptions } from './batch-options';

/** A command as it arrived and as its contract class. */
export interface CommandToHandle {
  readonly envelope: MessageEnvelope;
  readonly message: object;
}

/**
 * The batches of the commands whose handlers are marked {@link BatchedCommandHandler} and hosted
 * here (ADR 0123): MessageBus hands such a command here instead of to the command bus directly.
 */
@Injectable()
export class CommandBatches implements OnModuleInit {
  private readonly byType = new Map<string, HandlerBatches<CommandToHandle, unknown>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly commandBus: CommandBus,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const metadata = wrapper.metatype
        ? (Reflect.getMetadata(BATCHED_COMMAND_HANDLER, wrapper.metatype) as BatchedCommandHandlerMetadata | undefined)
        : undefined;
      if (!metadata) continue;
      const type = contractTypeOf(metadata.command);
      const module = ownerOf(type);
      if (!this.transactions.hasModule(module)) continue;
      this.byType.set(
        type,
        new HandlerBatches(
          type,
          {
            together: (items) => this.together(module, items),
            alone: ({ input }) => this.execute(input),
            keyOf: ({ envelope }) => partitionKeyOf(envelope),
          },
          batchOptions(this.config),
        ),
      );
    }
  }

  /** The batches of a command type, when its handler is batched and hosted here. */
  of(type: string): HandlerBatches<CommandToHandle, unknown> | undefined {
    return this.byType.get(type);
  }

  /** The command types handled in batches here. */
  types(): string[] {
    return [...this.byType.keys()];
  }

  private together(module: string, items: readonly BatchItem<CommandToHandle>[]): Promise<unknown[]> {
    return this.transactions.runBatch(module, async (_tx, step) => {
      const results: unknown[] = [];
      for (const [index, item] of items.entries()) {
        results.push(await step(index, item.context, () => this.execute(item.input)));
      }
      return results;
    });
  }

  private execute({ envelope, message }: CommandToHandle): Promise<unknown> {
    return runAsHandlingOf(envelope, () => this.commandBus.execute(message as never));
  }
}
