import { UserRegistered } from '../../../accounts';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { FraudReadModelRepository } from '../../infrastructure/fraud-read-model.repository';

/**
 * A registration is the fraud signals' account age and e-mail domain: payments keeps the time and
 * the domain (never the address nor the name).
 */
@OnIntegrationEvent(UserRegistered, { module: 'payments', name: 'payments.TrackUserRegistered' })
export class TrackUserRegisteredHandler implements IntegrationEventHandler<UserRegistered> {
  constructor(private readonly readModel: FraudReadModelRepository) {}

  async handle(event: UserRegistered, tx: Transaction): Promise<void> {
    const { userId, email } = event.payload;
    const domain = email
      .slice(email.lastIndexOf('@') + 1)
      .trim()
      .toLowerCase();
    await this.readModel.recordAccount(tx, userId, new Date(event.occurredAt), domain);
  }
}
