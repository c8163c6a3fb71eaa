import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../platform/messaging';
import type { CheckoutState } from '../domain/checkout-saga';

/** A message the orders module wrote to its outbox about one order, as the outbox keeps it. */
export interface SentMessageRecord {
  readonly id: string;
  readonly kind: 'event' | 'command' | 'query';
  /** The contract type, e.g. `catalog.ReserveStock.v1`. */
  readonly type: string;
  /** The message being handled when this one was written (a reply), or null (a request, a sweeper). */
  readonly causationId: string | null;
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

/** An event the orders module handled, as its inbox keeps it. */
export interface ReceivedMessageRecord {
  readonly eventId: string;
  /** The subscription that handled it, e.g. `OnStockReserved` or `orders.OnPromotionRedeemed`. */
  readonly handler: string;
  readonly processedAt: Date;
}

/** Where an order's checkout stands, read without a lock. */
export interface SagaStateRecord {
  readonly state: CheckoutState;
  readonly stepDeadline: Date | null;
  readonly updatedAt: Date;
}

interface OutboxRow {
  readonly id: string;
  readonly kind: SentMessageRecord['kind'];
  readonly type: string;
  readonly causation_id: string | null;
  readonly status: SentMessageRecord['status'];
  readonly attempts: number;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly delivered_at: Date | null;
}

/**
 * Reads what the orders module sent and received for one order's checkout, from its own outbox,
 * inbox and saga table (never another module's schema). Delivered outbox rows and inbox rows are
 * pruned after their retention, so an old order's record may be partial.
 */
@Injectable()
export class CheckoutMessagesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The saga of an order, or undefined when it never had one. */
  async saga(orderId: string): Promise<SagaStateRecord | undefined> {
    const [row] = (await this.uow.reader.query(
      'SELECT state, step_deadline, updated_at FROM checkout_sagas WHERE order_id = $1',
      [orderId],
    )) as { state: CheckoutState; step_deadline: Date | null; updated_at: Date }[];
    return row && { state: row.state, stepDeadline: row.step_deadline, updatedAt: row.updated_at };
  }

  /** Every command and event about the order still in the outbox, in the order they were written. */
  async sent(orderId: string): Promise<SentMessageRecord[]> {
    const rows = (await this.uow.reader.query(
      `SELECT id, kind, type, causation_id, status, attempts, last_error, created_at, delivered_at
         FROM outbox
        WHERE body->>'orderId' = $1 OR body->'payload'->>'orderId' = $1
        ORDER BY seq`,
      [orderId],
    )) as OutboxRow[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      type: row.type,
      causationId: row.causation_id,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      deliveredAt: row.delivered_at,
    }));
  }

  /** The inbox rows of these events (one per handler that handled them). */
  async received(eventIds: readonly string[]): Promise<ReceivedMessageRecord[]> {
    if (eventIds.length === 0) return [];
    const rows = (await this.uow.reader.query(
      'SELECT event_id, handler, processed_at FROM inbox WHERE event_id = ANY($1::uuid[]) ORDER BY processed_at',
      [eventIds],
    )) as { event_id: string; handler: string; processed_at: Date }[];
    return rows.map((row) => ({ eventId: row.event_id, handler: row.handler, processedAt: row.processed_at }));
  }
}
