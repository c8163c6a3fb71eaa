import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';

/** What became of a provider's event: `received` until it has been applied. */
export type WebhookOutcome = 'received' | 'applied' | 'ignored' | 'unknown_payment';

/**
 * The provider events received, one row per (provider, event id): its primary key serializes
 * concurrent deliveries of one event, so only the first has an effect.
 */
@Injectable()
export class WebhookReceiptRepository {
  /** Records an event as received; false when it had been received before (a duplicate). */
  async receive(tx: Transaction, provider: string, eventId: string, type: string): Promise<boolean> {
    const fresh = (await tx.manager.query(
      `INSERT INTO webhook_receipts (provider, event_id, type, outcome) VALUES ($1, $2, $3, 'received')
       ON CONFLICT (provider, event_id) DO NOTHING RETURNING event_id`,
      [provider, eventId, type],
    )) as unknown[];
    return fresh.length > 0;
  }

  /** Records what the event did, and to which payment. */
  async settle(
    tx: Transaction,
    provider: string,
    eventId: string,
    outcome: WebhookOutcome,
    paymentId: string | null,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE webhook_receipts SET outcome = $3, payment_id = $4 WHERE provider = $1 AND event_id = $2`,
      [provider, eventId, outcome, paymentId],
    );
  }
}
