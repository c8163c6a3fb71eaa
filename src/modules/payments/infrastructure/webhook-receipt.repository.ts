import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';

/** What a provider's event did. (`received`, "not applied yet", is no longer written: a receipt is recorded with its outcome.) */
export type WebhookOutcome = 'received' | 'applied' | 'ignored' | 'unknown_payment';

/**
 * The provider events received, one row per (provider, event id), written once with what the event
 * did, in the transaction that applied it: a delivery whose receipt already exists is a duplicate,
 * and its transaction is rolled back (see ReceiveWebhookUseCase).
 */
@Injectable()
export class WebhookReceiptRepository {
  /**
   * Records an event with its outcome and payment in one statement; false when it had been received
   * before (a duplicate: the caller must undo what it applied). A concurrent delivery of the same
   * event waits here for the first one's transaction, then finds its receipt.
   */
  async record(
    tx: Transaction,
    receipt: { provider: string; eventId: string; type: string; outcome: WebhookOutcome; paymentId: string | null },
  ): Promise<boolean> {
    const fresh = (await tx.manager.query(
      `INSERT INTO webhook_receipts (provider, event_id, type, outcome, payment_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (provider, event_id) DO NOTHING RETURNING event_id`,
      [receipt.provider, receipt.eventId, receipt.type, receipt.outcome, receipt.paymentId],
    )) as unknown[];
    return fresh.length > 0;
  }
}
