import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { contractTypeOf } from '../../../../platform/messaging';
import { ClearCart } from '../../../cart';
import {
  CommitStock,
  ReleaseStock,
  ReserveStock,
  RestockOrder,
  StockCommitted,
  StockReservationRejected,
  StockReserved,
} from '../../../catalog';
import {
  AuthorizePayment,
  CapturePayment,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentDeclined,
  PaymentFailed,
  PaymentReviewed,
  RefundPayment,
  VoidPayment,
} from '../../../payments';
import { PromotionRedeemed, PromotionRejected, RedeemPromotion, ReleasePromotionRedemption } from '../../../promotions';
import { CheckoutStep } from '../../domain/checkout-saga';
import { TimelineEntry } from '../../domain/order';
import {
  CheckoutMessagesRepository,
  ReceivedMessageRecord,
  SentMessageRecord,
} from '../../infrastructure/checkout-messages.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { CheckoutSagaView, SagaMessageView, SagaReplyView, SagaStepView } from './checkout-saga-view';

const COMPENSATIONS: readonly CheckoutStep[] = [
  'refund_payment',
  'void_payment',
  'restock',
  'release_stock',
  'release_promotion',
];

/** A step's command type → the step (built lazily: contract types are registered by their decorators). */
function stepsByType(): Map<string, CheckoutStep> {
  return new Map<string, CheckoutStep>([
    [contractTypeOf(RedeemPromotion), 'redeem_promotion'],
    [contractTypeOf(ReserveStock), 'reserve_stock'],
    [contractTypeOf(AuthorizePayment), 'authorize_payment'],
    [contractTypeOf(CommitStock), 'commit_stock'],
    [contractTypeOf(CapturePayment), 'capture_payment'],
    [contractTypeOf(ClearCart), 'clear_cart'],
    [contractTypeOf(RefundPayment), 'refund_payment'],
    [contractTypeOf(VoidPayment), 'void_payment'],
    [contractTypeOf(RestockOrder), 'restock'],
    [contractTypeOf(ReleaseStock), 'release_stock'],
    [contractTypeOf(ReleasePromotionRedemption), 'release_promotion'],
  ]);
}

/** The checkout's subscriptions (inbox handler names, without the `orders.` prefix): the reply and the step it answers. */
function repliesByHandler(): Map<string, { type: string; answers: CheckoutStep }> {
  return new Map([
    ['OnPromotionRedeemed', { type: contractTypeOf(PromotionRedeemed), answers: 'redeem_promotion' as const }],
    ['OnPromotionRejected', { type: contractTypeOf(PromotionRejected), answers: 'redeem_promotion' as const }],
    ['OnStockReserved', { type: contractTypeOf(StockReserved), answers: 'reserve_stock' as const }],
    [
      'OnStockReservationRejected',
      { type: contractTypeOf(StockReservationRejected), answers: 'reserve_stock' as const },
    ],
    ['OnPaymentAuthorized', { type: contractTypeOf(PaymentAuthorized), answers: 'authorize_payment' as const }],
    ['OnPaymentDeclined', { type: contractTypeOf(PaymentDeclined), answers: 'authorize_payment' as const }],
    ['OnPaymentReviewed', { type: contractTypeOf(PaymentReviewed), answers: 'authorize_payment' as const }],
    ['OnPaymentCaptured', { type: contractTypeOf(PaymentCaptured), answers: 'capture_payment' as const }],
    ['OnPaymentFailed', { type: contractTypeOf(PaymentFailed), answers: 'capture_payment' as const }],
    ['OnStockCommitted', { type: contractTypeOf(StockCommitted), answers: 'commit_stock' as const }],
  ]);
}

/** Timeline milestones that record a reply, and the step they answer (for replies the inbox no longer links). */
const MILESTONE_ANSWERS: Readonly<Record<string, CheckoutStep>> = {
  promotion_redeemed: 'redeem_promotion',
  stock_reserved: 'reserve_stock',
  payment_authorized: 'authorize_payment',
  payment_held_for_review: 'authorize_payment',
  stock_committed: 'commit_stock',
  payment_captured: 'capture_payment',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which order's checkout. */
export interface GetCheckoutSagaInput {
  readonly orderId: string;
}

/**
 * An order's checkout saga as a timeline for admins (`GET /orders/{id}/saga`): each step's command
 * with its delivery, the reply that caused it and the reply to it, compensations marked, and why the
 * order was cancelled. Built from the orders module's own saga row, outbox, inbox and order timeline.
 * 404 `not-found` for an unknown order.
 */
@Injectable()
export class GetCheckoutSagaUseCase {
  constructor(
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
    private readonly messages: CheckoutMessagesRepository,
  ) {}

  async execute({ orderId }: GetCheckoutSagaInput): Promise<CheckoutSagaView> {
    const order = await this.orders.find(orderId);
    if (!order) throw ProblemException.notFound('Order');
    const [saga, sent, entries] = await Promise.all([
      this.messages.saga(orderId),
      this.messages.sent(orderId),
      this.timeline.entriesOf([orderId]).then((byOrder) => byOrder.get(orderId) ?? []),
    ]);
    const causes = [...new Set(sent.map((m) => m.causationId).filter((id): id is string => !!id && UUID.test(id)))];
    const received = await this.messages.received(causes);
    const replies = repliesByHandler();
    const replyOf = (record: ReceivedMessageRecord): SagaReplyView => ({
      type: replies.get(record.handler.replace(/^orders\./, ''))?.type ?? record.handler,
      id: record.eventId,
      receivedAt: record.processedAt.toISOString(),
    });
    const byEvent = new Map(received.map((r) => [r.eventId, r]));

    const stepTypes = stepsByType();
    const steps: { view: SagaStepView; reply: SagaReplyView | null }[] = [];
    const events: SagaMessageView[] = [];
    for (const message of sent) {
      const step = stepTypes.get(message.type);
      if (!step) {
        if (message.kind === 'event') events.push(messageView(message));
        continue;
      }
      const cause = message.causationId ? byEvent.get(message.causationId) : undefined;
      steps.push({
        view: {
          step,
          compensation: COMPENSATIONS.includes(step),
          message: messageView(message),
          causedBy: cause ? replyOf(cause) : null,
          reply: null,
        },
        reply: null,
      });
    }
    // Each reply answers the latest step of its kind sent before it.
    const answer = (step: CheckoutStep, reply: SagaReplyView) => {
      const target = [...steps]
        .reverse()
        .find((s) => s.view.step === step && !s.reply && s.view.message.createdAt <= reply.receivedAt);
      if (target) target.reply = reply;
    };
    for (const record of received) {
      const known = replies.get(record.handler.replace(/^orders\./, ''));
      if (known) answer(known.answers, replyOf(record));
    }
    for (const entry of entries) {
      const step = MILESTONE_ANSWERS[entry.status];
      if (step && !steps.some((s) => s.view.step === step && s.reply))
        answer(step, { type: entry.status, id: null, receivedAt: entry.at.toISOString() });
    }

    return {
      orderId,
      orderStatus: order.status,
      state: saga?.state ?? null,
      outcome:
        saga?.state === 'cancelled' || order.status === 'cancelled'
          ? 'cancelled'
          : saga?.state === 'completed'
            ? 'completed'
            : saga?.state === 'confirming'
              ? 'confirmed'
              : 'in_flight',
      stepDeadline: saga?.stepDeadline?.toISOString() ?? null,
      cancellation: cancellationOf(
        entries,
        steps.map((s) => s.view),
        received,
        replyOf,
      ),
      steps: steps.map((s) => ({ ...s.view, reply: s.reply })),
      events,
      milestones: entries.map((e) => ({ status: e.status, reason: e.reason, at: e.at.toISOString() })),
    };
  }
}

function messageView(message: SentMessageRecord): SagaMessageView {
  return {
    type: message.type,
    id: message.id,
    createdAt: message.createdAt.toISOString(),
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
  };
}

/**
 * The cancellation (the timeline's `cancelled` entry) and the reply that caused it: the cause of the
 * first compensation sent then, or, with none sent, a rejecting reply handled (promotions rejected).
 */
function cancellationOf(
  entries: readonly TimelineEntry[],
  steps: readonly SagaStepView[],
  received: readonly ReceivedMessageRecord[],
  replyOf: (record: ReceivedMessageRecord) => SagaReplyView,
): CheckoutSagaView['cancellation'] {
  const cancelled = entries.find((e) => e.status === 'cancelled');
  if (!cancelled) return null;
  const at = cancelled.at.toISOString();
  const compensation = steps.find((s) => s.compensation && s.message.createdAt >= at);
  const rejected = received.find((r) => /Rejected|Declined|Failed/.test(r.handler));
  const causedBy = compensation?.causedBy ?? (rejected ? replyOf(rejected) : null);
  return { reason: cancelled.reason ?? 'unknown', at, causedBy };
}
