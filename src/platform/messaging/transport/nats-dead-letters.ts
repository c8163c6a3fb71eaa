import { Inject, Injectable } from '@nestjs/common';
import type { StoredMsg } from 'nats';
import { messageOf } from '../../errors';
import { LocalEventDispatcher } from '../inbox/local-event-dispatcher';
import { ReplayFailedError } from '../messaging-errors';
import { HOSTED_MODULES } from './message-transport';
import { NatsBroker, isNotFound } from './nats-broker';
import { decodeEnvelope, HEADER } from './nats-codec';

/** An event a consuming module hosted here could not handle, parked on the broker. */
export interface BrokerDeadLetter {
  readonly id: string;
  readonly module: string;
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly parkedAt: string;
  readonly correlationId: string;
  /** The event's body as it was published (the envelope's `body`). */
  readonly payload: Record<string, unknown>;
}

const MAX_SCANNED = 5000;

/**
 * Lists and replays the events parked in the dead-letter stream for the consuming modules this
 * process hosts. A replay hands the event to that module's consumers (through its inbox, so a
 * consumer that already handled it does nothing) and removes it from the stream once handled.
 */
@Injectable()
export class NatsDeadLetters {
  constructor(
    private readonly broker: NatsBroker,
    private readonly dispatcher: LocalEventDispatcher,
    @Inject(HOSTED_MODULES) private readonly hosted: readonly string[],
  ) {}

  async list(limit: number): Promise<BrokerDeadLetter[]> {
    if (!this.broker.enabled) return [];
    const { jsm } = this.broker.client();
    const stream = this.broker.config.deadLetterStream;
    const { state } = await jsm.streams.info(stream);
    const found: BrokerDeadLetter[] = [];
    const last = Math.min(state.last_seq, state.first_seq + MAX_SCANNED);
    for (let seq = state.first_seq; seq <= last && found.length < limit && state.messages > 0; seq++) {
      const stored = await jsm.streams.getMessage(stream, { seq }).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      const module = stored && this.hostedModuleOf(stored.subject);
      if (stored && module) found.push(this.describe(stored, module));
    }
    return found;
  }

  /**
   * Replays one parked event; undefined when this process parked no event with that id. Throws
   * {@link ReplayFailedError} (the event stays parked) when its consumer fails again.
   */
  async replay(eventId: string): Promise<{ id: string; module: string; status: 'delivered' } | undefined> {
    if (!this.broker.enabled) return undefined;
    const { jsm } = this.broker.client();
    const stream = this.broker.config.deadLetterStream;
    for (const module of this.hosted) {
      const stored = await jsm.streams
        .getMessage(stream, { last_by_subj: this.broker.subjects.deadLetter(module, eventId) })
        .catch((error: unknown) => {
          if (isNotFound(error)) return undefined;
          throw error;
        });
      if (!stored) continue;
      try {
        await this.dispatcher.dispatch(decodeEnvelope(stored.data), [module]);
      } catch (error) {
        throw new ReplayFailedError(eventId, module, messageOf(error));
      }
      await this.remove(stream, stored.seq);
      return { id: eventId, module, status: 'delivered' };
    }
    return undefined;
  }

  /**
   * Deletes a replayed event from the dead-letter stream. A replay of the same event running at the
   * same time may have deleted it first (its consumer handled it once: the inbox absorbed the other
   * dispatch), so a message already gone is not an error.
   */
  private async remove(stream: string, seq: number): Promise<void> {
    const { jsm } = this.broker.client();
    try {
      await jsm.streams.deleteMessage(stream, seq);
    } catch (error) {
      const gone = await jsm.streams.getMessage(stream, { seq }).then(
        () => false,
        (lookup: unknown) => isNotFound(lookup),
      );
      if (!gone) throw error;
    }
  }

  private hostedModuleOf(subject: string): string | undefined {
    return this.hosted.find((module) => subject.startsWith(this.broker.subjects.deadLetter(module, '')));
  }

  private describe(stored: StoredMsg, module: string): BrokerDeadLetter {
    const envelope = decodeEnvelope(stored.data);
    return {
      id: envelope.id,
      module,
      type: envelope.type,
      attempts: Number(stored.header?.get(HEADER.deliveries) || 0),
      lastError: stored.header?.get(HEADER.error) || null,
      parkedAt: stored.time.toISOString(),
      correlationId: envelope.correlationId,
      payload: envelope.body,
    };
  }
}
