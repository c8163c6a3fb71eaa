import { Inject, Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { Shipment, ShipmentStatus } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { SHIPPING_CONFIG, ShippingConfig } from '../../shipping.config';
import { afterIdOf, DEFAULT_PAGE_SIZE, pageOf } from '../paging';

export interface ListShipmentsInput {
  /** e.g. `pending`: the warehouse's queue to pack. */
  readonly status?: ShipmentStatus;
  readonly orderId?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /shipping/shipments`: the warehouse's queue, oldest first (first come, first packed), keyset-paginated. */
@Injectable()
export class ListShipmentsUseCase {
  constructor(
    private readonly shipments: ShipmentRepository,
    @Inject(SHIPPING_CONFIG) private readonly config: ShippingConfig,
  ) {}

  async execute(input: ListShipmentsInput): Promise<Page<Shipment>> {
    const limit = Math.min(input.limit ?? DEFAULT_PAGE_SIZE, this.config.maxPageSize);
    const rows = await this.shipments.page(
      { status: input.status, orderId: input.orderId },
      limit + 1,
      afterIdOf(input.cursor),
    );
    return pageOf(rows, limit);
  }
}
