import { Type } from '@nestjs/common';
import {
  IntegrationEvent,
  LocalEventDispatcher,
  MessageBus,
  MessageEnvelope,
  OutboxRelays,
  contractTypeOf,
  fromEnvelope,
} from '../../src/platform/messaging/testing';
import { createTestApp, TestApp, TestAppOptions } from './test-app';

interface Waiter {
  readonly type: string;
  readonly match: (event: IntegrationEvent<unknown>) => boolean;
  readonly resolve: (event: IntegrationEvent<unknown>) => void;
}

/**
 * Boots some modules against a real database and reads like a specification: a stimulus, then
 * the events it is expected to cause (in the spirit of Spring Modulith's Scenario API).
 */
export class Scenario {
  private readonly seen: MessageEnvelope[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(readonly t: TestApp) {
    t.app.get(LocalEventDispatcher).observe((envelope) => this.record(envelope));
  }

  static async start(options: TestAppOptions = {}): Promise<Scenario> {
    return new Scenario(await createTestApp(options));
  }

  get app(): TestApp['app'] {
    return this.t.app;
  }

  get bus(): MessageBus {
    return this.t.app.get(MessageBus);
  }

  /** Every event delivered in this process so far, oldest first. */
  events<E extends IntegrationEvent<unknown>>(type?: Type<E>): E[] {
    const wanted = type ? contractTypeOf(type) : undefined;
    return this.seen.filter((e) => !wanted || e.type === wanted).map((e) => fromEnvelope<E>(e));
  }

  /** Resolves with the first event of that type (already seen or still to come) that matches. */
  waitForEvent<E extends IntegrationEvent<unknown>>(
    type: Type<E>,
    match: (event: E) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<E> {
    const already = this.events(type).find(match);
    if (already) return Promise.resolve(already);
    return new Promise<E>((resolve, reject) => {
      const waiter: Waiter = {
        type: contractTypeOf(type),
        match: match as Waiter['match'],
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event as E);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `No ${waiter.type} matching within ${timeoutMs} ms; saw: ${this.seen.map((e) => e.type).join(', ') || 'nothing'}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Delivers every module's due outbox rows now (and whatever they cause), instead of waiting for a poll. */
  async flush(): Promise<void> {
    for (const relay of this.t.app.get(OutboxRelays).all()) await relay.drain();
  }

  close(): Promise<void> {
    return this.t.close();
  }

  private record(envelope: MessageEnvelope): void {
    this.seen.push(envelope);
    for (const waiter of [...this.waiters]) {
      if (waiter.type !== envelope.type) continue;
      const event = fromEnvelope<IntegrationEvent<unknown>>(envelope);
      if (waiter.match(event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }
}
