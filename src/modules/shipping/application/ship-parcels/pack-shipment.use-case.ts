import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { changeShipment, Shipment } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { OrderShipmentChanges } from '../fulfil-orders/order-shipment-changes';
import { answeringProblems } from '../shipping-problems';
import { shipmentIn } from './shipment-of-order';

export interface PackShipmentInput {
  readonly id: string;
}

/** `POST /shipping/shipments/:id/pack`: a pending shipment is packed (anything else is a 409). */
@Injectable()
export class PackShipmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly shipments: ShipmentRepository,
    private readonly changes: OrderShipmentChanges,
  ) {}

  execute(input: PackShipmentInput): Promise<Shipment> {
    return answeringProblems(async () => {
      const found = await this.shipments.find(input.id);
      if (!found) throw ProblemException.notFound('Shipment');
      const packed = await this.uow.run((tx) =>
        this.changes.apply(tx, found.orderId, (_order, shipments) => {
          const shipment = changeShipment(shipmentIn(shipments, input.id), { type: 'pack' }, new Date());
          return { changed: [shipment], result: shipment };
        }),
      );
      return packed!;
    });
  }
}
