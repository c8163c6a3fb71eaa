import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { RequestContext } from '../../../../platform/context';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PaymentFailed, RefundPayment } from '../../contracts';
import { PaymentOfOrder } from '../payment-of-order';
import { Refunds } from './refunds';

/**
 * Refunds an order's payment. The command's message id is the refund's request key, so the relay
 * redelivering the same command resumes the same refund; a full refund of an already refunded
 * payment is a no-op. A refund that the rules refuse is reported as `PaymentFailed`.
 */
@CommandHandler(RefundPayment)
export class RefundPaymentHandler implements ICommandHandler<RefundPayment> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentOfOrder,
    private readonly refunds: Refunds,
  ) {}

  async execute(command: RefundPayment): Promise<void> {
    const payment = await this.payments.find(command.orderId);
    if (!payment) throw PaymentOfOrder.missing();
    if (command.amount === null && payment.status === 'refunded') return;
    const requestKey = `command:${RequestContext.current()?.causationId ?? uuidv7()}`;
    try {
      await this.refunds.refund({ paymentId: payment.id, amount: command.amount, reason: command.reason, requestKey });
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
      await this.fail(payment.id, payment.orderId, error.problem.type);
    }
  }

  private fail(paymentId: string, orderId: string, reason: string): Promise<void> {
    return this.uow.run(async (tx) =>
      tx.publish(new PaymentFailed({ paymentId, orderId, operation: 'refund', reason })),
    );
  }
}
