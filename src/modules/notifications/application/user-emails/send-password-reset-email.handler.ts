import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PasswordResetRequested } from '../../../accounts';
import { EmailSender } from '../delivery/email-sender';

/** Sends the reset link of a password-reset request. */
@OnIntegrationEvent(PasswordResetRequested, { module: 'notifications', name: 'SendPasswordResetEmail' })
export class SendPasswordResetEmailHandler implements IntegrationEventHandler<PasswordResetRequested> {
  constructor(private readonly emails: EmailSender) {}

  handle(event: PasswordResetRequested, tx: Transaction): Promise<void> {
    const { email, name, resetUrl, expiresAt } = event.payload;
    return this.emails.send(tx, {
      eventId: event.eventId,
      template: 'password-reset',
      to: email,
      data: { name, resetUrl, expiresAt: new Date(expiresAt).toUTCString() },
    });
  }
}
