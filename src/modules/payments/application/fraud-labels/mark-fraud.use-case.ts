import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { FraudLabel, FraudLabelRepository } from '../../infrastructure/fraud-label.repository';
import { PaymentRepository } from '../../infrastructure/payment.repository';

/** A label as the admin routes answer it (who set it, from where, when, with which note). */
export interface FraudLabelView {
  readonly paymentId: string;
  readonly orderId: string;
  readonly fraudulent: boolean;
  readonly source: FraudLabel['source'];
  readonly labelledBy: string;
  readonly note: string | null;
  /** ISO 8601 instant the label was last written. */
  readonly labelledAt: string;
}

/** `PUT /payments/fraud-labels/:orderId`. */
export interface MarkFraudInput {
  readonly orderId: string;
  readonly fraudulent: boolean;
  readonly note?: string;
  readonly admin: AuthenticatedUser;
}

/**
 * An admin marks an order's payment fraudulent (or, correcting a mistake, legitimate): the label
 * the next training learns from. It replaces any earlier label of the payment (a chargeback's
 * included: the admin knows the outcome). Idempotent: the same mark again changes nothing visible.
 */
@Injectable()
export class MarkFraudUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentRepository,
    private readonly labels: FraudLabelRepository,
  ) {}

  execute(input: MarkFraudInput): Promise<FraudLabelView> {
    const { orderId, admin } = input;
    return this.uow.run(async (tx) => {
      const payment = await this.payments.findByOrder(orderId, tx);
      if (!payment)
        throw new ProblemException({ status: 404, type: 'not-found', detail: 'No payment for this order.' });
      const label: FraudLabel = {
        paymentId: payment.id,
        orderId,
        fraudulent: input.fraudulent,
        source: 'admin',
        labelledBy: `admin:${admin.id}`,
        note: input.note ?? null,
      };
      await this.labels.label(tx, label);
      return (await this.labels.find(payment.id, tx))!;
    });
  }
}
