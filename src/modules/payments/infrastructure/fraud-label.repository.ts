import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';

/** Where a label came from: a chargeback, an admin's mark, or a review's outcome. */
export type FraudLabelSource = 'dispute' | 'admin' | 'review';

/** A payment known to be fraudulent (or not): the fraud model's training target. */
export interface FraudLabel {
  readonly paymentId: string;
  readonly orderId: string;
  readonly fraudulent: boolean;
  readonly source: FraudLabelSource;
  /** `admin:<user id>`, `provider:<name>`, `deadline`. */
  readonly labelledBy: string;
  readonly note: string | null;
}

/** A stored label with when it was last written. */
export interface StoredFraudLabel extends FraudLabel {
  /** ISO 8601 instant of the last write (a replacing label moves it). */
  readonly labelledAt: string;
}

/** Payments' fraud labels, one per payment. */
@Injectable()
export class FraudLabelRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Records a label. A chargeback or an admin's mark replaces any label; a review's outcome never
   * replaces a chargeback's or an admin's (a person who saw the outcome knows more than the review).
   * Returns whether the label was written.
   */
  async label(tx: Transaction, label: FraudLabel): Promise<boolean> {
    const rows = (await tx.manager.query(
      `INSERT INTO fraud_labels (payment_id, order_id, fraudulent, source, labelled_by, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (payment_id) DO UPDATE SET fraudulent = EXCLUDED.fraudulent, source = EXCLUDED.source,
         labelled_by = EXCLUDED.labelled_by, note = EXCLUDED.note, labelled_at = now()
       WHERE EXCLUDED.source <> 'review' OR fraud_labels.source = 'review'
       RETURNING payment_id`,
      [label.paymentId, label.orderId, label.fraudulent, label.source, label.labelledBy, label.note],
    )) as unknown[];
    return rows.length > 0;
  }

  /** A payment's label, if any (read in `tx` when given). */
  async find(paymentId: string, tx?: Transaction): Promise<StoredFraudLabel | undefined> {
    const [row] = (await (tx?.manager ?? this.uow.reader).query(
      `SELECT payment_id, order_id, fraudulent, source, labelled_by, note, labelled_at FROM fraud_labels WHERE payment_id = $1`,
      [paymentId],
    )) as {
      payment_id: string;
      order_id: string;
      fraudulent: boolean;
      source: FraudLabelSource;
      labelled_by: string;
      note: string | null;
      labelled_at: Date;
    }[];
    return (
      row && {
        paymentId: row.payment_id,
        orderId: row.order_id,
        fraudulent: row.fraudulent,
        source: row.source,
        labelledBy: row.labelled_by,
        note: row.note,
        labelledAt: row.labelled_at.toISOString(),
      }
    );
  }
}
