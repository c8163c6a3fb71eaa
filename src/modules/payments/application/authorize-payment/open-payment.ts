import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { UnitOfWork } from '../../../../platform/messaging';
import { AuthorizePayment, PaymentDeclined } from '../../contracts';
import { assessRisk } from '../../domain/risk-assessment';
import { PaymentOrmEntity } from '../../infrastructure/payment.orm-entity';
import { paymentsRepository } from '../../infrastructure/payments.repository';
import { PaymentProvider } from '../../infrastructure/providers/payment-provider';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';

/**
 * Records an order's payment once (the order id is unique), after the risk check: a blocked
 * attempt is declined here with its score and never reaches the provider.
 */
@Injectable()
export class OpenPayment {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async open(command: AuthorizePayment, provider: PaymentProvider | undefined): Promise<PaymentOrmEntity> {
    const method = provider ? await provider.describe(command.token) : undefined;
    return this.uow.run(async (tx) => {
      const recent = await paymentsRepository.recentActivity(
        tx.manager,
        command.customerId,
        this.config.risk.velocityWindowMinutes,
      );
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
      const declineReason = !provider ? 'provider_error' : risk.decision === 'block' ? 'risk' : null;
      const id = uuidv7();
      const inserted = (await tx.manager.query(
        `INSERT INTO payments (id, order_id, customer_id, amount, currency, provider, last4, status, decline_reason,
           shipping_country, risk_score, risk_decision, risk_reasons)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (order_id) DO NOTHING RETURNING id`,
        [
          id,
          command.orderId,
          command.customerId,
          command.amount.amount,
          command.amount.currency,
          command.provider,
          method?.last4 ?? null,
          declineReason ? 'declined' : 'pending',
          declineReason,
          command.shippingCountry.toUpperCase(),
          risk.score,
          risk.decision,
          risk.reasons,
        ],
      )) as { id: string }[];
      if (inserted.length > 0 && declineReason) {
        tx.publish(
          new PaymentDeclined({
            paymentId: id,
            orderId: command.orderId,
            reason: declineReason as 'risk' | 'provider_error',
            riskScore: risk.score,
          }),
        );
      }
      return (await paymentsRepository.findByOrder(tx.manager, command.orderId))!;
    });
  }
}
