import { Injectable } from '@nestjs/common';
import { MessageEnvelope } from '../contracts';

/** What a committed transaction needs of its module's relay in this process. */
export interface CommittedRowsReceiver {
  /** How long to lease new rows to this relay, so that it may deliver them without a claim (0: don't). */
  readonly leaseMs: number;
  /** Rows just committed; `leased` when they were written with {@link leaseMs}. */
  committed(envelopes: readonly MessageEnvelope[], leased: boolean): void;
}

/**
 * Where a transaction hands its committed outbox rows to its module's relay. A running relay has
 * them written leased to it and delivers them at once, without reading them back or claiming them
 * (ADR 0002); with no relay running here (a tool, a relay turned off) they wait for a poll.
 */
@Injectable()
export class OutboxHandOff {
  private readonly receivers = new Map<string, CommittedRowsReceiver>();

  attach(module: string, receiver: CommittedRowsReceiver): void {
    this.receivers.set(module, receiver);
  }

  leaseMsFor(module: string): number {
    return this.receivers.get(module)?.leaseMs ?? 0;
  }

  committed(module: string, envelopes: readonly MessageEnvelope[], leaseMs: number): void {
    if (envelopes.length > 0) this.receivers.get(module)?.committed(envelopes, leaseMs > 0);
  }
}
