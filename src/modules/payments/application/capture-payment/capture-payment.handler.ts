import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../platform/messaging';
import { CapturePayment, PaymentCaptured, PaymentFailed } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { PaymentOfOrder } from '../payment-of-order';

const ALREADY_CAPTURED = ['captured', 'partially_refunded', 'refunded'];

/** Captures the whole authorized amount; a repeat is a no-op, an impossible capture a `PaymentFailed`. */
@CommandHandler(CapturePayment)
export class CapturePaymentHandler implements ICommandHandler<CapturePayment> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentOfOrder,
    private readonly repository: PaymentRepository,
  ) {}

  async execute(command: CapturePayment): Promise<void> {
    const payment = await this.payments.find(command.orderId);
    if (!payment) throw PaymentOfOrder.missing();
    if (ALREADY_CAPTURED.includes(payment.status)) return;
    const failed = (reason: string): PaymentFailed =>
      new PaymentFailed({ paymentId: payment.id, orderId: payment.orderId, operation: 'capture', reason });
    if (payment.status !== 'authorized') {
      await this.uow.run(async (tx) => tx.publish(failed(`payment_${payment.status}`)));
      return;
    }
    const amount = { amount: payment.amount, currency: payment.currency };
    const result = await this.payments.providerOf(payment).capture({
      idempotencyKey: providerIdempotencyKey(payment.id, 'capture'),
      reference: payment.providerRef!,
      amount,
    });
    await this.uow.run(async (tx) => {
      if (result.outcome === 'captured') {
        const captured = await this.repository.transition(tx, payment.id, 'captured', {
          capturedAmount: amount.amount,
        });
        if (captured) tx.publish(new PaymentCaptured({ paymentId: payment.id, orderId: payment.orderId, amount }));
        return;
      }
      if (result.reason === 'authorization_expired') await this.repository.transition(tx, payment.id, 'expired');
      tx.publish(failed(result.reason));
    });
  }
}
