import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { Shipment } from '../../domain/shipment';
import { splitShipment, SplitLine } from '../../domain/shipment-split';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { OrderShipmentChanges } from '../fulfil-orders/order-shipment-changes';
import { answeringProblems } from '../shipping-problems';
import { shipmentIn } from './shipment-of-order';

export interface SplitShipmentInput {
  readonly id: string;
  /** The units to move into a new pending shipment, by the order's line number. */
  readonly lines: readonly SplitLine[];
}

/**
 * `POST /shipping/shipments/:id/split`: moves some units of a pending shipment into a new pending one
 * of the same order (units are moved, never created or lost). Answers both, the remaining first.
 */
@Injectable()
export class SplitShipmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly shipments: ShipmentRepository,
    private readonly changes: OrderShipmentChanges,
  ) {}

  execute(input: SplitShipmentInput): Promise<Shipment[]> {
    return answeringProblems(async () => {
      const found = await this.shipments.find(input.id);
      if (!found) throw ProblemException.notFound('Shipment');
      const both = await this.uow.run((tx) =>
        this.changes.apply(tx, found.orderId, (_order, shipments) => {
          const { remaining, created } = splitShipment(shipmentIn(shipments, input.id), input.lines, uuidv7());
          return { changed: [remaining, created], result: [remaining, created] };
        }),
      );
      return both!;
    });
  }
}
