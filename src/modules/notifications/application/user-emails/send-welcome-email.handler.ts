import { Inject } from '@nestjs/common';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { UserRegistered } from '../../../accounts';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';

/** Welcomes a new account. */
@OnIntegrationEvent(UserRegistered, { module: 'notifications', name: 'SendWelcomeEmail' })
export class SendWelcomeEmailHandler implements IntegrationEventHandler<UserRegistered> {
  constructor(
    private readonly emails: EmailSender,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  handle(event: UserRegistered, tx: Transaction): Promise<void> {
    const { email, name } = event.payload;
    return this.emails.send(tx, {
      eventId: event.eventId,
      template: 'welcome',
      to: email,
      data: { name, email, shopUrl: this.config.shopUrl },
    });
  }
}
