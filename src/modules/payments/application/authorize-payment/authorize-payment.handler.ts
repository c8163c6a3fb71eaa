import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../platform/messaging';
import { AuthorizePayment, PaymentDeclined } from '../../contracts';
import { providerIdempotencyKey } from '../../domain/idempotency-key';
import { Payment } from '../../domain/payment';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { AuthorizeResult, PaymentProvider } from '../../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { AnnounceAuthorization } from '../reviews/announce-authorization';
import { OpenPayment } from './open-payment';

/**
 * Idempotent by order id: the payment is recorded once, and the provider is asked with the key
 * `<paymentId>:authorize`, so a retry after a transient error or a timeout (the relay redelivers
 * the command) repeats the same authorization instead of holding the money twice.
 */
@CommandHandler(AuthorizePayment)
export class AuthorizePaymentHandler implements ICommandHandler<AuthorizePayment> {
  private readonly logger = new Logger('AuthorizePayment');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
    private readonly opener: OpenPayment,
    private readonly payments: PaymentRepository,
    private readonly authorizations: AnnounceAuthorization,
  ) {}

  async execute(command: AuthorizePayment): Promise<void> {
    const provider = this.providers.get(command.provider);
    const payment = (await this.payments.findByOrder(command.orderId)) ?? (await this.opener.open(command, provider));
    if (payment.status !== 'pending' || !provider) return;
    // A transient provider error propagates: the relay retries the command with the same key.
    const result = await provider.authorize({
      idempotencyKey: providerIdempotencyKey(payment.id, 'authorize'),
      paymentId: payment.id,
      orderId: payment.orderId,
      amount: { amount: payment.amount, currency: payment.currency },
      token: command.token,
    });
    const recorded = await this.record(payment, result);
    if (!recorded && result.outcome === 'authorized') await this.releaseIfVoided(payment, result.reference, provider);
  }

  private record(payment: Payment, result: AuthorizeResult): Promise<boolean> {
    return this.uow.run(async (tx) => {
      if (result.outcome === 'authorized') {
        const changes = { providerRef: result.reference, last4: result.last4 ?? payment.last4 };
        if (!(await this.payments.transition(tx, payment.id, 'authorized', changes))) return false;
        await this.authorizations.announce(tx, payment);
        return true;
      }
      const changes = { declineReason: result.reason, last4: result.last4 ?? payment.last4 };
      if (!(await this.payments.transition(tx, payment.id, 'declined', changes))) return false;
      tx.publish(
        new PaymentDeclined({
          paymentId: payment.id,
          orderId: payment.orderId,
          reason: result.reason,
          riskScore: payment.riskScore,
        }),
      );
      return true;
    });
  }

  /** The order was cancelled while the provider was authorizing: let go of the hold at once. */
  private async releaseIfVoided(payment: Payment, reference: string, provider: PaymentProvider): Promise<void> {
    const current = await this.payments.findById(payment.id);
    if (current?.status !== 'voided') return;
    this.logger.log(`payment ${payment.id} was voided during its authorization; releasing the hold`);
    await provider.void({ idempotencyKey: providerIdempotencyKey(payment.id, 'void'), reference });
  }
}
