import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PasswordChanged } from '../../../accounts';
import { EmailSender } from '../delivery/email-sender';

/** A security notice: the owner learns of a password change they did not make. */
@OnIntegrationEvent(PasswordChanged, { module: 'notifications', name: 'SendPasswordChangedEmail' })
export class SendPasswordChangedEmailHandler implements IntegrationEventHandler<PasswordChanged> {
  constructor(private readonly emails: EmailSender) {}

  handle(event: PasswordChanged, tx: Transaction): Promise<void> {
    const { email, name } = event.payload;
    return this.emails.send(tx, {
      eventId: event.eventId,
      template: 'password-changed',
      to: email,
      data: { name, email },
    });
  }
}
