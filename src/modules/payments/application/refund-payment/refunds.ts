import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import {
  claimIdempotencyKey,
  IdempotencyKey,
  minorUnits,
  Money,
  recordIdempotentResponse,
  Transaction,
  UnitOfWork,
} from '../../../../platform/messaging';
import { PaymentFailed, PaymentRefunded } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { checkRefund } from '../../domain/refund-rules';
import { PaymentOrmEntity } from '../../infrastructure/payment.orm-entity';
import { RefundOrmEntity } from '../../infrastructure/refund.orm-entity';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';

export interface RefundView {
  readonly id: string;
  readonly paymentId: string;
  /** How much goes back, in the payment's currency. */
  readonly amount: Money;
  readonly status: RefundOrmEntity['status'];
  readonly reason: string;
  readonly createdAt: string;
}

export interface RefundRequest {
  readonly paymentId: string;
  /** In the payment's currency (another → 422); null for everything captured and not yet refunded. */
  readonly amount: Money | null;
  readonly reason: string;
  /** Makes a retried request the same refund: `http:<user>:<Idempotency-Key>`, `command:<message id>`. */
  readonly requestKey: string;
  /** The client's `Idempotency-Key`, when one was sent: the same key with another request is a 422. */
  readonly idempotency?: IdempotencyKey;
}

type Reserved =
  { readonly answered: RefundView } | { readonly payment: PaymentOrmEntity; readonly refund: RefundOrmEntity };

/**
 * Refunds captured money, for the admin route and the `RefundPayment` command. The amount is
 * reserved on the payment (under its row lock) before the provider is asked, so concurrent refunds
 * can never exceed what was captured; `requestKey` makes a retried request the same refund, and a
 * retry of an interrupted one resumes it (the provider call is idempotent by refund id).
 */
@Injectable()
export class Refunds {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
  ) {}

  async refund(request: RefundRequest): Promise<RefundView> {
    const reserved = await this.uow.run((tx) => this.reserve(tx, request));
    if ('answered' in reserved) return reserved.answered;
    const { payment, refund } = reserved;
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
      const done = view(await tx.manager.findOneByOrFail(RefundOrmEntity, { id: refund.id }), payment);
      if (request.idempotency) await recordIdempotentResponse(tx, request.idempotency, { status: 201, body: done });
      if (rows.length === 0) return done;
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
        return done;
      }
      const [updated] = (await tx.manager.query(
        `UPDATE payments SET status = CASE WHEN refunded_amount >= captured_amount THEN 'refunded' ELSE 'partially_refunded' END,
           updated_at = now() WHERE id = $1 RETURNING refunded_amount`,
        [payment.id],
      )) as [{ refunded_amount: string }[], number];
      tx.publish(
        new PaymentRefunded({
          paymentId: payment.id,
          orderId: payment.orderId,
          refundId: refund.id,
          amount: done.amount,
          totalRefunded: { amount: minorUnits(updated[0].refunded_amount), currency: payment.currency },
          reason: done.reason,
        }),
      );
      return done;
    });
  }

  /** The refund this request is (found by its key, or recorded now with its amount held on the payment). */
  private async reserve(tx: Transaction, request: RefundRequest): Promise<Reserved> {
    if (request.idempotency) {
      // `unanswered`: the same request was interrupted (or is running); it is resumed below.
      const claim = await claimIdempotencyKey<RefundView>(tx, request.idempotency);
      if (claim !== 'claimed' && claim !== 'unanswered') return { answered: claim.body };
    }
    const { paymentId, requestKey } = request;
    const payment = await tx.manager.findOne(PaymentOrmEntity, {
      where: { id: paymentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!payment) throw ProblemException.notFound('Payment');
    const existing = await tx.manager.findOneBy(RefundOrmEntity, { paymentId, requestKey });
    if (existing) return { payment, refund: existing };
    const check = checkRefund(payment, request.amount);
    if (!check.ok) throw new ProblemException({ status: check.status, type: check.type, detail: check.detail });
    const refund = tx.manager.create(RefundOrmEntity, {
      id: uuidv7(),
      paymentId,
      requestKey,
      amount: check.amount,
      reason: request.reason,
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
  }
}

function view(refund: RefundOrmEntity, payment: PaymentOrmEntity): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: { amount: refund.amount, currency: payment.currency },
    status: refund.status,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
  };
}
