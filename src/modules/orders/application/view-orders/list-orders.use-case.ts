import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { Page } from '../../../../platform/http';
import { OrderListFilter, OrderReader } from './order-reader';
import { OrderView } from './order-view';

/** Whose orders, filtered and paged. */
export interface ListOrdersInput extends OrderListFilter {
  readonly caller: AuthenticatedUser;
}

/** Newest first: a customer's own orders, or any for an admin (filtered by status and customer). */
@Injectable()
export class ListOrdersUseCase {
  constructor(private readonly reader: OrderReader) {}

  execute({ caller, ...filter }: ListOrdersInput): Promise<Page<OrderView>> {
    return this.reader.list(caller, filter);
  }
}
