import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { OrderReader } from './order-reader';
import { OrderView } from './order-view';

/** Which order, for whom. */
export interface GetOrderInput {
  readonly orderId: string;
  readonly caller: AuthenticatedUser;
}

/** One order, for its customer or an admin (anyone else: 404). */
@Injectable()
export class GetOrderUseCase {
  constructor(private readonly reader: OrderReader) {}

  execute({ orderId, caller }: GetOrderInput): Promise<OrderView> {
    return this.reader.get(orderId, caller);
  }
}
