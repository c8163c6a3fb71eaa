import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Shipment } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';

export interface ViewShipmentInput {
  readonly id: string;
}

/** `GET /shipping/shipments/:id` (admin). */
@Injectable()
export class ViewShipmentUseCase {
  constructor(private readonly shipments: ShipmentRepository) {}

  async execute(input: ViewShipmentInput): Promise<Shipment> {
    const shipment = await this.shipments.find(input.id);
    if (!shipment) throw ProblemException.notFound('Shipment');
    return shipment;
  }
}
