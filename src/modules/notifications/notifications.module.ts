import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'notifications', entities: [] };

/** The notifications bounded context: email templates and the delivery log (dev mailbox). */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('notifications')],
})
export class NotificationsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
