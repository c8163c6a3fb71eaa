import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Shipment } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';

export interface TrackOrderInput {
  readonly orderId: string;
  /** The caller: the order's customer sees its shipments, an admin any order's; anyone else a 404. */
  readonly callerId: string;
  readonly admin: boolean;
}

/** `GET /shipping/orders/:orderId/shipments`: where an order's parcels are (carrier, tracking number, status). */
@Injectable()
export class TrackOrderUseCase {
  constructor(private readonly shipments: ShipmentRepository) {}

  async execute(input: TrackOrderInput): Promise<Shipment[]> {
    const order = await this.shipments.findOrder(input.orderId);
    if (!order || (!input.admin && order.customerId !== input.callerId)) throw ProblemException.notFound('Order');
    return this.shipments.ofOrder(input.orderId);
  }
}
