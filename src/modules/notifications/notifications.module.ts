import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { EmailSender } from './application/delivery/email-sender';
import { ListMailboxUseCase } from './application/mailbox/list-mailbox.use-case';
import { CustomerLookup } from './application/order-emails/customer-lookup';
import { SendOrderCancelledEmailHandler } from './application/order-emails/send-order-cancelled-email.handler';
import { SendOrderConfirmedEmailHandler } from './application/order-emails/send-order-confirmed-email.handler';
import { SendOrderShippedEmailHandler } from './application/order-emails/send-order-shipped-email.handler';
import { SendShipmentDeliveredEmailHandler } from './application/shipment-emails/send-shipment-delivered-email.handler';
import { SendShipmentDispatchedEmailHandler } from './application/shipment-emails/send-shipment-dispatched-email.handler';
import { SendPasswordChangedEmailHandler } from './application/user-emails/send-password-changed-email.handler';
import { SendPasswordResetEmailHandler } from './application/user-emails/send-password-reset-email.handler';
import { SendWelcomeEmailHandler } from './application/user-emails/send-welcome-email.handler';
import { MailboxController } from './http/mailbox.controller';
import { MailTransport } from './infrastructure/mail-transport';
import { MessageOrmEntity } from './infrastructure/message.orm-entity';
import { MessageRepository } from './infrastructure/message.repository';
import { TemplateStore } from './infrastructure/template-store';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './notifications.config';
import { notificationsDescriptor } from './notifications.descriptor';

const database: ModuleDatabaseDefinition = { module: 'notifications', entities: [MessageOrmEntity] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadNotificationsConfig(config.source, config.env);

/** The notifications bounded context: email templates and the delivery log (dev mailbox). */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('notifications')],
  controllers: [MailboxController],
  providers: [
    {
      provide: NOTIFICATIONS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    MessageRepository,
    TemplateStore,
    MailTransport,
    EmailSender,
    CustomerLookup,
    ListMailboxUseCase,
    SendWelcomeEmailHandler,
    SendPasswordResetEmailHandler,
    SendPasswordChangedEmailHandler,
    SendOrderConfirmedEmailHandler,
    SendOrderCancelledEmailHandler,
    SendOrderShippedEmailHandler,
    SendShipmentDispatchedEmailHandler,
    SendShipmentDeliveredEmailHandler,
  ],
})
export class NotificationsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = notificationsDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
