import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { ShippingMethod } from '../../domain/shipping-method';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';
import { afterIdOf, DEFAULT_PAGE_SIZE, pageOf } from '../paging';

export interface ListMethodsInput {
  readonly zoneId?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /shipping/methods`: every method (or a zone's), oldest first, keyset-paginated. */
@Injectable()
export class ListMethodsUseCase {
  constructor(private readonly methods: ShippingMethodRepository) {}

  async execute(input: ListMethodsInput): Promise<Page<ShippingMethod>> {
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.methods.page(limit + 1, afterIdOf(input.cursor), input.zoneId ?? null);
    return pageOf(rows, limit);
  }
}
