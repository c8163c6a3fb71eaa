import { Injectable, Type } from '@nestjs/common';
import { IntegrationEvent } from '../contracts';
import { Transaction } from '../transaction';

export const INTEGRATION_EVENT_HANDLER = Symbol('INTEGRATION_EVENT_HANDLER');

export interface IntegrationEventHandlerOptions {
  /** The module whose schema (inbox and effects) the handler works in. */
  readonly module: string;
  /** Name recorded in the inbox; defaults to the class name. Keep it stable once deployed. */
  readonly name?: string;
}

export interface IntegrationEventHandlerMetadata extends Required<IntegrationEventHandlerOptions> {
  readonly events: readonly Type<IntegrationEvent<unknown>>[];
}

/**
 * A consumer of integration events. `handle` runs inside its module's transaction, in which the
 * inbox has already recorded the event: a second delivery of the same event never reaches it.
 */
export interface IntegrationEventHandler<E extends IntegrationEvent<unknown>> {
  handle(event: E, tx: Transaction): Promise<void>;
}

/** Marks a provider as the consumer of one or more integration events (exactly-once via the inbox). */
export function OnIntegrationEvent(
  events: Type<IntegrationEvent<unknown>> | readonly Type<IntegrationEvent<unknown>>[],
  options: IntegrationEventHandlerOptions,
): ClassDecorator {
  return (target) => {
    const metadata: IntegrationEventHandlerMetadata = {
      events: Array.isArray(events) ? events : [events as Type<IntegrationEvent<unknown>>],
      module: options.module,
      name: options.name ?? target.name,
    };
    Reflect.defineMetadata(INTEGRATION_EVENT_HANDLER, metadata, target);
    Injectable()(target);
  };
}
