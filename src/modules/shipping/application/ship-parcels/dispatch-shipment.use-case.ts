import { Injectable } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { changeShipment, Shipment } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { Carriers } from '../carriers/carriers';
import { OrderShipmentChanges } from '../fulfil-orders/order-shipment-changes';
import { answeringProblems } from '../shipping-problems';
import { shipmentIn } from './shipment-of-order';

export interface DispatchShipmentInput {
  readonly id: string;
  readonly carrier: string;
  /** Left out: the carrier provider issues one (the sandbox does); required for any other carrier. */
  readonly trackingNumber?: string;
}

/**
 * `POST /shipping/shipments/:id/dispatch`: a packed shipment leaves with a carrier and a tracking
 * number (409 unless packed; 409 `tracking-number-taken` when the carrier's number is another
 * parcel's). Publishes `ShipmentDispatched` with the order's fulfilment, in the same transaction.
 */
@Injectable()
export class DispatchShipmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly shipments: ShipmentRepository,
    private readonly changes: OrderShipmentChanges,
    private readonly carriers: Carriers,
  ) {}

  execute(input: DispatchShipmentInput): Promise<Shipment> {
    return answeringProblems(async () => {
      const found = await this.shipments.find(input.id);
      if (!found) throw ProblemException.notFound('Shipment');
      const carrier = input.carrier.trim();
      const provider = this.carriers.get(carrier);
      if (input.trackingNumber === undefined && !provider) {
        throw ProblemException.validation([
          new FieldError('trackingNumber', `carrier ${carrier} issues no tracking numbers here; give one`),
        ]);
      }
      const dispatched = await this.uow.run((tx) =>
        this.changes.apply(tx, found.orderId, async (_order, shipments) => {
          const shipment = shipmentIn(shipments, input.id);
          // Checked first, so a refused move registers no parcel with the carrier.
          changeShipment(
            shipment,
            { type: 'dispatch', carrier, trackingNumber: input.trackingNumber ?? '-' },
            new Date(),
          );
          const trackingNumber = input.trackingNumber?.trim() ?? (await provider!.issueTrackingNumber(tx, shipment));
          if (await this.shipments.trackingNumberTaken(tx, carrier, trackingNumber, shipment.id)) {
            throw ProblemException.conflict(
              'tracking-number-taken',
              `Another parcel of ${carrier} has this tracking number.`,
            );
          }
          const moved = changeShipment(shipment, { type: 'dispatch', carrier, trackingNumber }, new Date());
          return { changed: [moved], result: moved };
        }),
      );
      return dispatched!;
    });
  }
}
