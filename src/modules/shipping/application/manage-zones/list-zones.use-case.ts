import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { Zone } from '../../domain/zone';
import { ZoneRepository } from '../../infrastructure/zone.repository';
import { afterIdOf, DEFAULT_PAGE_SIZE, pageOf } from '../paging';

export interface ListZonesInput {
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /shipping/zones`: every zone, oldest first, keyset-paginated. */
@Injectable()
export class ListZonesUseCase {
  constructor(private readonly zones: ZoneRepository) {}

  async execute(input: ListZonesInput): Promise<Page<Zone>> {
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    return pageOf(await this.zones.page(limit + 1, afterIdOf(input.cursor)), limit);
  }
}
