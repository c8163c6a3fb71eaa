import { Type } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { Command } from '../contracts';

export const BATCHED_COMMAND_HANDLER = Symbol('BATCHED_COMMAND_HANDLER');

/** What {@link BatchedCommandHandler} records on the handler class. */
export interface BatchedCommandHandlerMetadata {
  readonly command: Type<Command<unknown>>;
}

/**
 * `@CommandHandler(command)` for a handler whose messages may be handled many per transaction
 * under load (ADR 0123). Its `execute` is then run for several commands in a row, and every
 * `uow.run` it starts joins one transaction of its module, which commits when the whole batch
 * does. Mark a handler so only when all of these hold:
 * - all it changes is in its own module's `uow.run` (no provider call, email or file outside it,
 *   no unit of work of its module that must commit on its own);
 * - what must wait for the commit (emptying a cache) is registered with `tx.afterCommit`;
 * - it never asks for an isolation level (such a command is then always handled alone) and never
 *   waits for another message to the same handler.
 * A failure of one command never fails the others: the batch is split and the failing command
 * handled alone, exactly as without this decorator. That includes a `uow.run` of the handler that
 * threw and whose error the handler caught: joined, it could not roll back on its own.
 */
export function BatchedCommandHandler(command: Type<Command<unknown>>): ClassDecorator {
  return (target) => {
    const metadata: BatchedCommandHandlerMetadata = { command };
    Reflect.defineMetadata(BATCHED_COMMAND_HANDLER, metadata, target);
    CommandHandler(command)(target);
  };
}
