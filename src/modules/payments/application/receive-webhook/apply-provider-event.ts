import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction } from '../../../../platform/messaging';
import { PaymentCaptured, PaymentDeclined, PaymentRefunded, PaymentVoided } from '../../contracts';
import { Payment } from '../../domain/payment';
import { statusAfterRefund } from '../../domain/payment-status';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { ProviderWebhookEvent } from '../../infrastructure/providers/payment-provider';
import { FraudLabelRepository } from '../../infrastructure/fraud-label.repository';
import { RefundRepository } from '../../infrastructure/refund.repository';
import { AnnounceAuthorization } from '../reviews/announce-authorization';

/** Dispute reasons (Stripe's vocabulary, the sandbox's too) that say the cardholder did not make the payment; an unknown reason counts as fraud. */
const FRAUD_DISPUTE_REASONS: ReadonlySet<string> = new Set(['fraudulent', 'unrecognized']);

/**
 * Applies what a provider reported to the payment, forward only: an event that would move the
 * payment backwards (a failure after a capture, an authorization after a void) changes nothing.
 */
@Injectable()
export class ProviderEventApplier {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly authorizations: AnnounceAuthorization,
    private readonly labels: FraudLabelRepository,
  ) {}

  /** Applies the event to the (locked) payment in `tx`; returns what happened, for the receipt. */
  async apply(tx: Transaction, payment: Payment, event: ProviderWebhookEvent): Promise<'applied' | 'ignored'> {
    const ids = { paymentId: payment.id, orderId: payment.orderId };
    const money = (amount: number) => ({ amount, currency: payment.currency });
    const effect = event.effect;
    switch (effect.kind) {
      case 'authorized': {
        const changes = { providerRef: event.reference ?? payment.providerRef, last4: effect.last4 ?? payment.last4 };
        if (!(await this.payments.transition(tx, payment.id, 'authorized', changes))) return 'ignored';
        await this.authorizations.announce(tx, payment);
        return 'applied';
      }
      case 'declined': {
        const changes = { declineReason: effect.reason };
        if (!(await this.payments.transition(tx, payment.id, 'declined', changes))) return 'ignored';
        tx.publish(new PaymentDeclined({ ...ids, reason: effect.reason, riskScore: payment.riskScore }));
        return 'applied';
      }
      case 'captured': {
        const changes = { capturedAmount: effect.amount };
        if (!(await this.payments.transition(tx, payment.id, 'captured', changes))) return 'ignored';
        tx.publish(new PaymentCaptured({ ...ids, amount: money(effect.amount) }));
        return 'applied';
      }
      case 'voided':
        if (!(await this.payments.transition(tx, payment.id, 'voided'))) return 'ignored';
        tx.publish(new PaymentVoided({ ...ids, reason: 'provider' }));
        return 'applied';
      case 'expired':
        return (await this.payments.transition(tx, payment.id, 'expired')) ? 'applied' : 'ignored';
      case 'refunded':
        return this.recordOutsideRefund(tx, payment, event.id, effect.totalRefunded);
      case 'disputed':
        // A fraud chargeback is the strongest fraud label there is (and a person's mark later may still
        // correct it). A dispute about the service (never delivered, duplicate, cancelled) says nothing
        // of fraud: labelling it would teach the model to block customers whose parcel was lost.
        if (effect.reason !== null && !FRAUD_DISPUTE_REASONS.has(effect.reason)) return 'ignored';
        await this.labels.label(tx, {
          ...ids,
          fraudulent: true,
          source: 'dispute',
          labelledBy: `provider:${payment.provider}`,
          note: effect.reason,
        });
        return 'applied';
      case 'ignored':
        return 'ignored';
    }
  }

  /**
   * A refund total above what Arcade knows of was made at the provider (its dashboard): record the
   * difference. Arcade's own refunds are already counted, so their echoes change nothing.
   */
  private async recordOutsideRefund(
    tx: Transaction,
    payment: Payment,
    eventId: string,
    totalRefunded: number,
  ): Promise<'applied' | 'ignored'> {
    const extra = Math.min(totalRefunded, payment.capturedAmount) - payment.refundedAmount;
    if (extra <= 0 || !['captured', 'partially_refunded'].includes(payment.status)) return 'ignored';
    const refund = await this.refunds.record(tx, {
      id: uuidv7(),
      paymentId: payment.id,
      requestKey: `webhook:${eventId}`,
      amount: extra,
      reason: 'provider',
      status: 'succeeded',
      providerRef: null,
      failureReason: null,
    });
    const total = payment.refundedAmount + extra;
    await this.payments.transition(tx, payment.id, statusAfterRefund(payment.capturedAmount, total), {
      refundedAmount: total,
    });
    const money = (amount: number) => ({ amount, currency: payment.currency });
    tx.publish(
      new PaymentRefunded({
        paymentId: payment.id,
        orderId: payment.orderId,
        refundId: refund.id,
        amount: money(extra),
        totalRefunded: money(total),
        reason: 'provider',
      }),
    );
    return 'applied';
  }
}
