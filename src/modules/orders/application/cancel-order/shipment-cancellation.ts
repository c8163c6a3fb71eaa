import { Injectable, Logger } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { MessageBus, ModuleUnreachableError, Transaction } from '../../../../platform/messaging';
import { CancelOrderShipments, CancelOrderShipmentsResult } from '../../../shipping';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { ShipmentCancellationRepository } from '../../infrastructure/shipment-cancellation.repository';
import { CheckoutProcess } from '../checkout/checkout.process';

/** Shipping's answer to a cancellation: the order is cancelled now, or stays as it is (a parcel left). */
export type ShipmentCancellationOutcome = 'cancelled' | 'refused';

/**
 * Cancelling a confirmed order asks shipping first (ADR 0113): `shipping.CancelOrderShipments` is
 * final once answered (shipments cancelled, or a tombstone so a late confirmation ships nothing), so
 * orders records its request before asking ({@link ShipmentCancellationRepository}) and settles it
 * with the answer — by the HTTP request when shipping answers in time, else by the sweeper. The
 * order is cancelled exactly when shipping agreed, never half.
 */
@Injectable()
export class ShipmentCancellation {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly bus: MessageBus,
    private readonly checkout: CheckoutProcess,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
    private readonly pending: ShipmentCancellationRepository,
  ) {}

  /**
   * Asks shipping to cancel the order's shipments. Shipping absent or slow (another process, over
   * NATS) is a 503 `cancellation-pending`: the request stays recorded and the sweeper settles it.
   */
  async ask(orderId: string, customerId: string, reason: string): Promise<CancelOrderShipmentsResult> {
    try {
      return await this.bus.execute(new CancelOrderShipments(orderId, customerId, reason));
    } catch (error) {
      if (!(error instanceof ModuleUnreachableError)) throw error;
      throw new ProblemException({
        status: 503,
        type: 'cancellation-pending',
        title: 'Cancellation pending',
        detail:
          `Shipping did not answer (${error.message}). The cancellation is recorded and is settled when it ` +
          'does: the order is cancelled if no parcel has left, and stays as it is otherwise (see its timeline).',
        extensions: { module: error.module },
      });
    }
  }

  /**
   * Applies shipping's answer to the order, under the saga's and the order's locks: a refusal
   * (`already_dispatched`) leaves the order as it is (the timeline says so); otherwise a confirmed order
   * is cancelled with the recorded reason (`reason` when no request is recorded, e.g. it was settled
   * by a concurrent request). Settling twice changes nothing more.
   */
  async settle(
    tx: Transaction,
    orderId: string,
    answer: CancelOrderShipmentsResult,
    reason: string,
  ): Promise<ShipmentCancellationOutcome> {
    await this.sagas.lock(tx, orderId);
    const order = await this.orders.lock(tx, orderId);
    const request = await this.pending.lock(tx, orderId);
    if (request) await this.pending.settle(tx, orderId);
    if (answer.outcome === 'already_dispatched') {
      if (request) await this.timeline.record(tx, orderId, 'cancellation_refused', 'already_dispatched');
      return 'refused';
    }
    if (order?.status === 'confirmed') {
      await this.checkout.advance(tx, orderId, { kind: 'cancel_requested', reason: request?.reason ?? reason });
    } else if (order && order.status !== 'cancelled') {
      // Shipping cancelled (or tombstoned) while the order moved on: cannot happen under shipping's rules
      // (a cancelled shipment never leaves), so it is worth a loud line rather than a guess.
      this.logger.error(`order ${orderId} is ${order.status} but shipping cancelled its shipments`);
    }
    return 'cancelled';
  }
}
