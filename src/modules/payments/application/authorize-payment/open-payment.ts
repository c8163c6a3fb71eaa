import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { UnitOfWork } from '../../../../platform/messaging';
import { AuthorizePayment, PaymentDeclined } from '../../contracts';
import { Payment } from '../../domain/payment';
import { assessRisk } from '../../domain/risk-assessment';
import { FraudAssessmentRepository } from '../../infrastructure/fraud-assessment.repository';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { PaymentProvider } from '../../infrastructure/providers/payment-provider';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { FraudAssessor } from '../assess-fraud/fraud-assessor';

/**
 * Records an order's payment once (the order id is unique), after the risk check (the rules, the
 * fraud model, and its assessment stored beside the payment): a blocked attempt is declined here
 * with its score and never reaches the provider.
 */
@Injectable()
export class OpenPayment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentRepository,
    private readonly assessor: FraudAssessor,
    private readonly assessments: FraudAssessmentRepository,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  /** The order's payment: recorded now, or the one a concurrent delivery recorded first. */
  async open(command: AuthorizePayment, provider: PaymentProvider | undefined): Promise<Payment> {
    const method = provider ? await provider.describe(command.token) : undefined;
    return this.uow.run(async (tx) => {
      const recent = await this.payments.recentActivity(tx, command.customerId, this.config.risk.velocityWindowMinutes);
      const risk = assessRisk(
        {
          amount: command.amount.amount,
          recentPayments: recent.payments,
          recentFailures: recent.failures,
          shippingCountry: command.shippingCountry,
          cardCountry: method?.country ?? null,
          providerRiskLevel: method?.riskLevel ?? 'normal',
        },
        this.config.risk,
      );
      const id = uuidv7();
      const fraud = await this.assessor.assess(tx, { paymentId: id }, command, method, risk);
      const decision = fraud.decision.decision;
      const declineReason = !provider ? 'provider_error' : decision === 'block' ? 'risk' : null;
      const opened = await this.payments.open(tx, {
        id,
        orderId: command.orderId,
        customerId: command.customerId,
        amount: command.amount.amount,
        currency: command.amount.currency,
        provider: command.provider,
        last4: method?.last4 ?? null,
        status: declineReason ? 'declined' : 'pending',
        declineReason,
        shippingCountry: command.shippingCountry.toUpperCase(),
        riskScore: risk.score,
        riskDecision: decision,
        riskReasons: [...fraud.decision.reasons],
      });
      if (opened) await this.assessments.record(tx, fraud);
      if (opened && declineReason) {
        tx.publish(
          new PaymentDeclined({
            paymentId: id,
            orderId: command.orderId,
            reason: declineReason,
            riskScore: risk.score,
          }),
        );
      }
      // The payment as recorded; when a concurrent delivery recorded one first, that one.
      return opened ?? (await this.payments.findByOrder(command.orderId, tx))!;
    });
  }
}
