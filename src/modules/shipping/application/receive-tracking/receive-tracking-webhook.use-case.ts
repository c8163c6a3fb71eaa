import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { WebhookVerificationError } from '../../../../platform/webhooks';
import { applyTrackingEvent, TrackingOutcome } from '../../domain/tracking-events';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { TrackingReceiptRepository } from '../../infrastructure/tracking-receipt.repository';
import { CarrierWebhookEvent } from '../carriers/carrier-provider';
import { Carriers } from '../carriers/carriers';
import { OrderShipmentChanges } from '../fulfil-orders/order-shipment-changes';
import { answeringProblems } from '../shipping-problems';

export interface ReceiveTrackingWebhookInput {
  readonly provider: string;
  readonly rawBody: Buffer | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface TrackingReceipt {
  readonly received: true;
  readonly duplicate: boolean;
  readonly outcome: TrackingOutcome | 'duplicate' | 'unknown_parcel';
}

/**
 * `POST /shipping/webhooks/:provider`: a carrier's signed tracking event. Verified over the raw bytes
 * first (HMAC, timestamp tolerance: a forged, altered or replayed-late request is a 400 and changes
 * nothing); then its event id is recorded once (a duplicate is acknowledged and does nothing) and the
 * event merged into the parcel's shipment under the order's lock (ADR 0106: the result depends only on
 * the set of events, so reordered events are harmless). `ShipmentDelivered` goes out once.
 */
@Injectable()
export class ReceiveTrackingWebhookUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly carriers: Carriers,
    private readonly receipts: TrackingReceiptRepository,
    private readonly shipments: ShipmentRepository,
    private readonly changes: OrderShipmentChanges,
  ) {}

  async execute(input: ReceiveTrackingWebhookInput): Promise<TrackingReceipt> {
    const carrier = this.carriers.get(input.provider);
    if (!carrier) throw ProblemException.notFound(`Carrier "${input.provider}"`);
    let event: CarrierWebhookEvent;
    try {
      event = carrier.parseWebhook(input.rawBody ?? Buffer.alloc(0), input.headers);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      throw new ProblemException({ status: 400, type: 'invalid-webhook', detail: error.message });
    }
    return answeringProblems(() =>
      this.uow.run(async (tx): Promise<TrackingReceipt> => {
        if (!(await this.receipts.recordFirst(tx, carrier.name, event.id))) {
          return { received: true, duplicate: true, outcome: 'duplicate' };
        }
        const orderId = await this.shipments.orderOfParcel(carrier.name, event.trackingNumber, tx);
        const applied =
          orderId &&
          (await this.changes.apply(tx, orderId, (_order, shipments) => {
            const shipment = shipments.find(
              (s) => s.carrier === carrier.name && s.trackingNumber === event.trackingNumber,
            )!;
            const result = applyTrackingEvent(shipment, event);
            return { changed: [result.shipment], result: { outcome: result.outcome, shipmentId: shipment.id } };
          }));
        const outcome = applied ? applied.outcome : 'unknown_parcel';
        await this.receipts.settle(tx, carrier.name, event.id, outcome, applied ? applied.shipmentId : null);
        return { received: true, duplicate: false, outcome };
      }),
    );
  }
}
