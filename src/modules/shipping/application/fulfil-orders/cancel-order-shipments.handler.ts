import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '../../../../platform/ids';
import { UnitOfWork } from '../../../../platform/messaging';
import { CancelOrderShipments, CancelOrderShipmentsResult } from '../../contracts';
import { OrderShipmentsCancellation } from './cancel-order-shipments';

/** `shipping.CancelOrderShipments`: all of an order's shipments or none; the outcome is data, never an exception. */
@CommandHandler(CancelOrderShipments)
export class CancelOrderShipmentsHandler implements ICommandHandler<CancelOrderShipments> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cancellation: OrderShipmentsCancellation,
  ) {}

  async execute(command: CancelOrderShipments): Promise<CancelOrderShipmentsResult> {
    if (!isUuid(command.orderId) || !isUuid(command.customerId))
      return { outcome: 'no_shipments', dispatchedShipmentIds: [] };
    return this.uow.run((tx) => this.cancellation.cancel(tx, command.orderId, command.customerId, command.reason));
  }
}
