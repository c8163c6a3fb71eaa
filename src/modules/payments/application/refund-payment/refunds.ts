import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PaymentFailed, PaymentRefunded } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { checkRefund } from '../../domain/refund-rules';
import { PaymentOrmEntity } from '../../infrastructure/payment.orm-entity';
import { RefundOrmEntity } from '../../infrastructure/refund.orm-entity';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';

export interface RefundView {
  readonly id: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: RefundOrmEntity['status'];
  readonly reason: string;
  readonly createdAt: string;
}

/**
 * Refunds captured money, for the admin route and the `RefundPayment` command. The amount is
 * reserved on the payment (under its row lock) before the provider is asked, so concurrent refunds
 * can never exceed what was captured; `requestKey` makes a retried request the same refund.
 */
@Injectable()
export class Refunds {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
  ) {}

  async refund(paymentId: string, requested: number | null, reason: string, requestKey: string): Promise<RefundView> {
    const { payment, refund } = await this.reserve(paymentId, requested, reason, requestKey);
    if (refund.status !== 'pending') return view(refund, payment);
    const provider = this.providers.get(payment.provider);
    if (!provider) throw new Error(`Payment provider "${payment.provider}" is not configured in this process`);
    const result = await provider.refund({
      idempotencyKey: providerIdempotencyKey(payment.id, 'refund', refund.id),
      reference: payment.providerRef!,
      amount: { amount: refund.amount, currency: payment.currency },
    });
    return this.uow.run(async (tx) => {
      const succeeded = result.outcome === 'refunded';
      const [rows] = (await tx.manager.query(
        `UPDATE refunds SET status = $2, provider_ref = $3, failure_reason = $4 WHERE id = $1 AND status = 'pending' RETURNING id`,
        [
          refund.id,
          succeeded ? 'succeeded' : 'failed',
          succeeded ? (result.reference ?? null) : null,
          succeeded ? null : result.reason,
        ],
      )) as [unknown[], number];
      const done = await tx.manager.findOneByOrFail(RefundOrmEntity, { id: refund.id });
      if (rows.length === 0) return view(done, payment);
      if (!succeeded) {
        await tx.manager.query(`UPDATE payments SET refunded_amount = refunded_amount - $2 WHERE id = $1`, [
          payment.id,
          refund.amount,
        ]);
        tx.publish(
          new PaymentFailed({
            paymentId: payment.id,
            orderId: payment.orderId,
            operation: 'refund',
            reason: result.reason,
          }),
        );
        return view(done, payment);
      }
      const [updated] = (await tx.manager.query(
        `UPDATE payments SET status = CASE WHEN refunded_amount >= captured_amount THEN 'refunded' ELSE 'partially_refunded' END,
           updated_at = now() WHERE id = $1 RETURNING refunded_amount`,
        [payment.id],
      )) as [{ refunded_amount: number }[], number];
      tx.publish(
        new PaymentRefunded({
          paymentId: payment.id,
          orderId: payment.orderId,
          refundId: refund.id,
          amount: { amount: refund.amount, currency: payment.currency },
          totalRefunded: { amount: updated[0].refunded_amount, currency: payment.currency },
        }),
      );
      return view(done, payment);
    });
  }

  private reserve(
    paymentId: string,
    requested: number | null,
    reason: string,
    requestKey: string,
  ): Promise<{ payment: PaymentOrmEntity; refund: RefundOrmEntity }> {
    return this.uow.run(async (tx) => {
      const payment = await tx.manager.findOne(PaymentOrmEntity, {
        where: { id: paymentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!payment) throw ProblemException.notFound('Payment');
      const existing = await tx.manager.findOneBy(RefundOrmEntity, { paymentId, requestKey });
      if (existing) return { payment, refund: existing };
      const check = checkRefund(payment, requested);
      if (!check.ok) {
        throw new ProblemException({ status: check.status, type: check.type, detail: check.detail });
      }
      const refund = tx.manager.create(RefundOrmEntity, {
        id: uuidv7(),
        paymentId,
        requestKey,
        amount: check.amount,
        reason,
        status: 'pending',
        providerRef: null,
        failureReason: null,
      });
      await tx.manager.insert(RefundOrmEntity, refund);
      await tx.manager.query(`UPDATE payments SET refunded_amount = refunded_amount + $2 WHERE id = $1`, [
        paymentId,
        check.amount,
      ]);
      return { payment, refund: await tx.manager.findOneByOrFail(RefundOrmEntity, { id: refund.id }) };
    });
  }
}

function view(refund: RefundOrmEntity, payment: PaymentOrmEntity): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: refund.amount,
    currency: payment.currency,
    status: refund.status,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
  };
}
