import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { queryRows } from '../../../platform/database';

/**
 * Receipts of carrier webhooks (`shipping.tracking_receipts`), one per carrier and event id: the
 * primary key serializes concurrent deliveries of one event, so only the first has an effect.
 */
@Injectable()
export class TrackingReceiptRepository {
  /** Records an event id; false when it was received before (a duplicate). */
  async recordFirst(tx: Transaction, carrier: string, eventId: string): Promise<boolean> {
    const rows = await queryRows<{ event_id: string }>(
      tx.manager,
      `INSERT INTO tracking_receipts (carrier, event_id, outcome) VALUES ($1, $2, 'received')
       ON CONFLICT (carrier, event_id) DO NOTHING RETURNING event_id`,
      [carrier, eventId],
    );
    return rows.length > 0;
  }

  /** What the event did, and to which shipment. */
  async settle(
    tx: Transaction,
    carrier: string,
    eventId: string,
    outcome: string,
    shipmentId: string | null,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE tracking_receipts SET outcome = $3, shipment_id = $4 WHERE carrier = $1 AND event_id = $2`,
      [carrier, eventId, outcome, shipmentId],
    );
  }
}
