import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import {
  claimIdempotencyKey,
  IdempotencyKey,
  Money,
  recordIdempotentResponse,
  Transaction,
  UnitOfWork,
} from '../../../../platform/messaging';
import { PaymentFailed, PaymentRefunded } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { Payment, Refund, RefundStatus } from '../../domain/payment';
import { checkRefund } from '../../domain/refund-rules';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { ProviderOutcome } from '../../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { RefundRepository } from '../../infrastructure/refund.repository';

/** A refund as the admin route answers it. */
export interface RefundView {
  readonly id: string;
  readonly paymentId: string;
  /** How much goes back, in the payment's currency. */
  readonly amount: Money;
  readonly status: RefundStatus;
  readonly reason: string;
  readonly createdAt: string;
}

/** What to refund, and what makes a retry of the request the same refund. */
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

type Reserved = { readonly answered: RefundView } | { readonly payment: Payment; readonly refund: Refund };

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
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
  ) {}

  /** Makes (or resumes, or answers again) the refund a request asks for. */
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
    return this.uow.run((tx) => this.settle(tx, request, payment, refund, result));
  }

  /** The refund this request is (found by its key, or recorded now with its amount held on the payment). */
  private async reserve(tx: Transaction, request: RefundRequest): Promise<Reserved> {
    if (request.idempotency) {
      // `unanswered`: the same request was interrupted (or is running); it is resumed below.
      const claim = await claimIdempotencyKey<RefundView>(tx, request.idempotency);
      if (claim !== 'claimed' && claim !== 'unanswered') return { answered: claim.body };
    }
    const { paymentId, requestKey } = request;
    const payment = await this.payments.lock(tx, paymentId);
    if (!payment) throw ProblemException.notFound('Payment');
    const existing = await this.refunds.findByRequestKey(tx, paymentId, requestKey);
    if (existing) return { payment, refund: existing };
    const check = checkRefund(payment, request.amount);
    if (!check.ok) throw new ProblemException({ status: check.status, type: check.type, detail: check.detail });
    const refund = await this.refunds.record(tx, {
      id: uuidv7(),
      paymentId,
      requestKey,
      amount: check.amount,
      reason: request.reason,
      status: 'pending',
      providerRef: null,
      failureReason: null,
    });
    await this.payments.addRefunded(tx, paymentId, check.amount);
    return { payment, refund };
  }

  /** Records the provider's answer once: a failed refund gives its held amount back to the payment. */
  private async settle(
    tx: Transaction,
    request: RefundRequest,
    payment: Payment,
    refund: Refund,
    result: ProviderOutcome<'refunded'>,
  ): Promise<RefundView> {
    const { refund: stored, ended } = await this.refunds.finish(
      tx,
      refund.id,
      result.outcome === 'refunded'
        ? { status: 'succeeded', providerRef: result.reference ?? null }
        : { status: 'failed', failureReason: result.reason },
    );
    const done = view(stored, payment);
    if (request.idempotency) await recordIdempotentResponse(tx, request.idempotency, { status: 201, body: done });
    if (!ended) return done;
    const ids = { paymentId: payment.id, orderId: payment.orderId };
    if (result.outcome !== 'refunded') {
      await this.payments.addRefunded(tx, payment.id, -refund.amount);
      tx.publish(new PaymentFailed({ ...ids, operation: 'refund', reason: result.reason }));
      return done;
    }
    const totalRefunded = await this.payments.settleRefunded(tx, payment.id);
    tx.publish(
      new PaymentRefunded({
        ...ids,
        refundId: refund.id,
        amount: done.amount,
        totalRefunded: { amount: totalRefunded, currency: payment.currency },
        reason: done.reason,
      }),
    );
    return done;
  }
}

function view(refund: Refund, payment: Payment): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: { amount: refund.amount, currency: payment.currency },
    status: refund.status,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
  };
}
