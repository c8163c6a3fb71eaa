import { v7 as uuidv7 } from 'uuid';
import { Transaction } from '../../../../platform/messaging';
import { PaymentAuthorized, PaymentCaptured, PaymentDeclined, PaymentRefunded, PaymentVoided } from '../../contracts';
import { statusAfterRefund } from '../../domain/payment-status';
import { PaymentOrmEntity } from '../../infrastructure/payment.orm-entity';
import { paymentsRepository } from '../../infrastructure/payments.repository';
import { ProviderWebhookEvent } from '../../infrastructure/providers/payment-provider';

/**
 * Applies what a provider reported to the payment, forward only: an event that would move the
 * payment backwards (a failure after a capture, an authorization after a void) changes nothing.
 * Returns what happened, for the receipt.
 */
export async function applyProviderEvent(
  tx: Transaction,
  payment: PaymentOrmEntity,
  event: ProviderWebhookEvent,
): Promise<'applied' | 'ignored'> {
  const ids = { paymentId: payment.id, orderId: payment.orderId };
  const money = (amount: number) => ({ amount, currency: payment.currency });
  const effect = event.effect;
  switch (effect.kind) {
    case 'authorized': {
      const changes = { providerRef: event.reference ?? payment.providerRef, last4: effect.last4 ?? payment.last4 };
      if (!(await paymentsRepository.transition(tx.manager, payment.id, 'authorized', changes))) return 'ignored';
      tx.publish(new PaymentAuthorized({ ...ids, amount: money(payment.amount) }));
      return 'applied';
    }
    case 'declined': {
      const changes = { declineReason: effect.reason };
      if (!(await paymentsRepository.transition(tx.manager, payment.id, 'declined', changes))) return 'ignored';
      tx.publish(new PaymentDeclined({ ...ids, reason: effect.reason, riskScore: payment.riskScore }));
      return 'applied';
    }
    case 'captured': {
      const changes = { capturedAmount: effect.amount };
      if (!(await paymentsRepository.transition(tx.manager, payment.id, 'captured', changes))) return 'ignored';
      tx.publish(new PaymentCaptured({ ...ids, amount: money(effect.amount) }));
      return 'applied';
    }
    case 'voided':
      if (!(await paymentsRepository.transition(tx.manager, payment.id, 'voided'))) return 'ignored';
      tx.publish(new PaymentVoided({ ...ids, reason: 'provider' }));
      return 'applied';
    case 'expired':
      return (await paymentsRepository.transition(tx.manager, payment.id, 'expired')) ? 'applied' : 'ignored';
    case 'refunded':
      return recordOutsideRefund(tx, payment, event.id, effect.totalRefunded);
    case 'ignored':
      return 'ignored';
  }
}

/**
 * A refund total above what Arcade knows of was made at the provider (its dashboard): record the
 * difference. Arcade's own refunds are already counted, so their echoes change nothing.
 */
async function recordOutsideRefund(
  tx: Transaction,
  payment: PaymentOrmEntity,
  eventId: string,
  totalRefunded: number,
): Promise<'applied' | 'ignored'> {
  const extra = Math.min(totalRefunded, payment.capturedAmount) - payment.refundedAmount;
  if (extra <= 0 || !['captured', 'partially_refunded'].includes(payment.status)) return 'ignored';
  const refundId = uuidv7();
  await tx.manager.query(
    `INSERT INTO refunds (id, payment_id, request_key, amount, reason, status) VALUES ($1, $2, $3, $4, 'provider', 'succeeded')`,
    [refundId, payment.id, `webhook:${eventId}`, extra],
  );
  const total = payment.refundedAmount + extra;
  await paymentsRepository.transition(tx.manager, payment.id, statusAfterRefund(payment.capturedAmount, total), {
    refundedAmount: total,
  });
  const money = (amount: number) => ({ amount, currency: payment.currency });
  tx.publish(
    new PaymentRefunded({
      paymentId: payment.id,
      orderId: payment.orderId,
      refundId,
      amount: money(extra),
      totalRefunded: money(total),
      reason: 'provider',
    }),
  );
  return 'applied';
}
