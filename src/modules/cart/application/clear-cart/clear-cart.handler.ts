import { Logger } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { BatchedCommandHandler, UnitOfWork } from '../../../../platform/messaging';
import { CartCheckedOut, ClearCart } from '../../contracts';
import { CartRepository } from '../../infrastructure/cart.repository';
import { isUuid } from '../../../../platform/ids';

/**
 * Empties and retires a cart once its order is confirmed. Sent through the orders outbox, so it
 * is idempotent by order id and never throws for a business outcome (a missing or already
 * retired cart is logged, not retried).
 */
@BatchedCommandHandler(ClearCart)
export class ClearCartHandler implements ICommandHandler<ClearCart> {
  private readonly logger = new Logger('Cart');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly carts: CartRepository,
  ) {}

  async execute(command: ClearCart): Promise<void> {
    if (!isUuid(command.cartId) || !isUuid(command.orderId)) {
      this.logger.warn(`ClearCart with a malformed id (cart ${command.cartId}, order ${command.orderId}); ignored`);
      return;
    }
    await this.uow.run(async (tx) => {
      const { claimed, cart } = await this.carts.claimCheckout(tx, command.orderId, command.cartId);
      if (!claimed) return;
      if (!cart || cart.status !== 'open') {
        this.logger.warn(`ClearCart for order ${command.orderId}: cart ${command.cartId} is missing or retired`);
        return;
      }
      const before = cart.lines;
      cart.checkOut(new Date());
      await this.carts.save(tx, cart, before);
      if (cart.customerId !== null) {
        tx.publish(new CartCheckedOut({ cartId: cart.id, customerId: cart.customerId, orderId: command.orderId }));
      }
    });
  }
}
