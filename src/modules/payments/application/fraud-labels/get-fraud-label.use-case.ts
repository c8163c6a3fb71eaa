import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { FraudLabelRepository } from '../../infrastructure/fraud-label.repository';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { FraudLabelView } from './mark-fraud.use-case';

/** `GET /payments/fraud-labels/:orderId`. */
export interface GetFraudLabelInput {
  readonly orderId: string;
}

/**
 * The current fraud label of an order's payment: fraudulent or not, its source (chargeback, admin,
 * review), who set it, when, and the note. 404 `not-found` when the order has no payment or the
 * payment no label.
 */
@Injectable()
export class GetFraudLabelUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly labels: FraudLabelRepository,
  ) {}

  async execute({ orderId }: GetFraudLabelInput): Promise<FraudLabelView> {
    const payment = await this.payments.findByOrder(orderId);
    if (!payment) throw new ProblemException({ status: 404, type: 'not-found', detail: 'No payment for this order.' });
    const label = await this.labels.find(payment.id);
    if (!label)
      throw new ProblemException({
        status: 404,
        type: 'not-found',
        detail: "This order's payment has no fraud label.",
      });
    return label;
  }
}
