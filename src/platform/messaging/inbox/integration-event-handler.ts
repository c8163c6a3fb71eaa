import { Injectable, Type } from '@nestjs/common';
import { IntegrationEvent } from '../contracts';
import { Transaction } from '../transaction';

export const INTEGRATION_EVENT_HANDLER = Symbol('INTEGRATION_EVENT_HANDLER');

export interface IntegrationEventHandlerOptions {
  /** The module whose schema (inbox and effects) the handler works in; start-up fails if it has no DataSource. */
  readonly module: string;
  /**
   * The subscriber's identity, recorded with each event in the module's inbox: `<module>.<Name>`
   * for a new subscriber (e.g. `reviews.NotifyAuthorOnReviewPosted`). Required and stable, so that
   * renaming the class cannot make it handle again the events it already handled; a subscriber
   * written before names were required keeps the bare class name it was recorded under.
   */
  readonly name: string;
  /**
   * Under load, handle many events per transaction (ADR 0123): one inbox insert for the batch, then
   * `handle` for each new event in turn on the batch's transaction, one outbox insert. Only for a
   * handler whose every effect is on `tx` (or in a `uow.run` of its own module, which joins it), that
   * registers what must wait for the commit with `tx.afterCommit`, and that never waits for another
   * event to itself. One event that fails never fails the others: the batch is split and that event
   * handled alone, as without batching. Default false.
   */
  readonly batch?: boolean;
}

export interface IntegrationEventHandlerMetadata extends IntegrationEventHandlerOptions {
  readonly events: readonly Type<IntegrationEvent<unknown>>[];
  /** The class, for messages about it. */
  readonly className: string;
}

const SUBSCRIBER_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;

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
    if (!SUBSCRIBER_NAME.test(options.name ?? '')) {
      throw new Error(`${target.name}: @OnIntegrationEvent needs a name such as "${options.module}.${target.name}"`);
    }
    const metadata: IntegrationEventHandlerMetadata = {
      events: Array.isArray(events) ? events : [events as Type<IntegrationEvent<unknown>>],
      module: options.module,
      name: options.name,
      batch: options.batch ?? false,
      className: target.name,
    };
    Reflect.defineMetadata(INTEGRATION_EVENT_HANDLER, metadata, target);
    Injectable()(target);
  };
}
