import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import {
  claimIdempotencyKey,
  findIdempotentResponse,
  recordIdempotentResponse,
  Transaction,
  UnitOfWork,
} from '../../../../platform/messaging';
import { mayCancel } from '../../domain/order';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { ShipmentCancellationRepository } from '../../infrastructure/shipment-cancellation.repository';
import { CheckoutProcess } from '../checkout/checkout.process';
import { OrderReader } from '../view-orders/order-reader';
import { OrderView } from '../view-orders/order-view';
import { ShipmentCancellation } from './shipment-cancellation';

/** Who cancels which order (`POST /orders/:id/cancel`). */
export interface CancelOrderInput {
  readonly orderId: string;
  readonly caller: AuthenticatedUser;
  /** The client's `Idempotency-Key`, when one was sent. */
  readonly idempotencyKey?: string;
}

/** The first step's result: the order is cancelled already (pending), or shipping must be asked (confirmed). */
type Begun = { readonly view: OrderView } | { readonly askShipping: { customerId: string; reason: string } };

/**
 * Cancels an order for its owner or an admin before any of its goods left; undoes what it holds (a
 * refund or a void, stock back). A pending order is cancelled at once. A confirmed one asks shipping
 * first (ADR 0113): the request is recorded, `shipping.CancelOrderShipments` asked outside any
 * transaction, and the answer settled — 409 `order-already-dispatched` when a parcel left (nothing
 * changes), 503 `cancellation-pending` when shipping does not answer (the sweeper settles it later).
 * With an `Idempotency-Key`, a retry gets the first answer and the same key with another request is
 * a 422, as on every money-moving POST.
 */
@Injectable()
export class CancelOrderUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    private readonly reader: OrderReader,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
    private readonly requests: ShipmentCancellationRepository,
    private readonly shipping: ShipmentCancellation,
  ) {}

  async execute({ orderId, caller, idempotencyKey }: CancelOrderInput): Promise<OrderView> {
    const key = idempotencyKey
      ? { scope: caller.id, key: idempotencyKey, request: { cancelOrder: orderId } }
      : undefined;
    if (key) {
      const answered = await findIdempotentResponse<OrderView>(this.uow.reader, key);
      if (answered) return answered.body;
    }
    const begun = await this.uow.run(async (tx): Promise<Begun> => {
      // A key claimed and not answered is a request that waited for shipping (or was cut short): resume it.
      const claim = key ? await claimIdempotencyKey<OrderView>(tx, key) : 'claimed';
      if (typeof claim === 'object') return { view: claim.body };
      const result = await this.begin(tx, orderId, caller, claim === 'unanswered');
      if (key && 'view' in result) await recordIdempotentResponse(tx, key, { status: 202, body: result.view });
      return result;
    });
    if ('view' in begun) return begun.view;

    const { customerId, reason } = begun.askShipping;
    const answer = await this.shipping.ask(orderId, customerId, reason);
    const settled = await this.uow.run(async (tx) => {
      if ((await this.shipping.settle(tx, orderId, answer, reason)) === 'refused') return 'refused' as const;
      const view = await this.reader.get(orderId, caller, tx);
      if (key) await recordIdempotentResponse(tx, key, { status: 202, body: view });
      return view;
    });
    if (settled === 'refused') {
      throw ProblemException.conflict(
        'order-already-dispatched',
        'A parcel of this order has left the warehouse, so it can no longer be cancelled; nothing was changed.',
        { dispatchedShipmentIds: answer.dispatchedShipmentIds },
      );
    }
    return settled;
  }

  /** `resuming`: the client's key was claimed by an earlier try that got no answer (a 503, a crash). */
  private async begin(tx: Transaction, orderId: string, caller: AuthenticatedUser, resuming: boolean): Promise<Begun> {
    // The saga row is locked first, as every checkout step does, so the two never deadlock.
    await this.sagas.lock(tx, orderId);
    const order = await this.orders.lock(tx, orderId);
    const isAdmin = caller.roles.includes('admin');
    if (!order || (order.customerId !== caller.id && !isAdmin)) throw ProblemException.notFound('Order');
    // The earlier try's cancellation was settled meanwhile (by the sweeper): this retry gets its result.
    if (resuming && order.status === 'cancelled') return { view: await this.reader.get(orderId, caller, tx) };
    if (!mayCancel(order.status)) {
      throw ProblemException.conflict('order-not-cancellable', `An order that is ${order.status} cannot be cancelled.`);
    }
    const reason = isAdmin ? 'cancelled_by_admin' : 'cancelled_by_customer';
    const requested = () =>
      this.timeline.record(tx, orderId, 'cancellation_requested', isAdmin ? 'by_admin' : 'by_customer');
    if (order.status === 'confirmed') {
      // A request already waiting for shipping (a concurrent or retried one) is asked about again, not twice recorded.
      if (await this.requests.request(tx, orderId, reason)) await requested();
      return { askShipping: { customerId: order.customerId, reason } };
    }
    await requested();
    await this.checkout.advance(tx, orderId, { kind: 'cancel_requested', reason });
    return { view: await this.reader.get(orderId, caller, tx) };
  }
}
