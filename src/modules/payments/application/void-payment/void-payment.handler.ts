import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../platform/messaging';
import { PaymentFailed, PaymentVoided, VoidPayment } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { PaymentOfOrder } from '../payment-of-order';

const NOTHING_TO_VOID = ['voided', 'declined', 'expired'];

/**
 * Releases an order's authorization. Nothing to void (no payment, declined, expired, already
 * voided) is not an error; a captured payment must be refunded instead (`PaymentFailed`).
 */
@CommandHandler(VoidPayment)
export class VoidPaymentHandler implements ICommandHandler<VoidPayment> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentOfOrder,
    private readonly repository: PaymentRepository,
  ) {}

  async execute(command: VoidPayment): Promise<void> {
    const payment = await this.payments.find(command.orderId);
    if (!payment || NOTHING_TO_VOID.includes(payment.status)) return;
    const voided = new PaymentVoided({ paymentId: payment.id, orderId: payment.orderId, reason: command.reason });
    if (payment.status !== 'authorized' && payment.status !== 'pending') {
      await this.uow.run(async (tx) =>
        tx.publish(
          new PaymentFailed({
            paymentId: payment.id,
            orderId: payment.orderId,
            operation: 'void',
            reason: 'already_captured',
          }),
        ),
      );
      return;
    }
    // Still pending: mark it voided now; the authorization in flight sees it and releases its hold.
    const result =
      payment.status === 'pending'
        ? ({ outcome: 'voided' } as const)
        : await this.payments.providerOf(payment).void({
            idempotencyKey: providerIdempotencyKey(payment.id, 'void'),
            reference: payment.providerRef!,
          });
    await this.uow.run(async (tx) => {
      if (result.outcome === 'voided') {
        if (await this.repository.transition(tx, payment.id, 'voided')) tx.publish(voided);
      } else if (result.reason === 'authorization_expired') {
        await this.repository.transition(tx, payment.id, 'expired');
      } else {
        tx.publish(
          new PaymentFailed({
            paymentId: payment.id,
            orderId: payment.orderId,
            operation: 'void',
            reason: result.reason,
          }),
        );
      }
    });
  }
}
