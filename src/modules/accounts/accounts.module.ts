import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'accounts', entities: [] };

/** The accounts bounded context: users, credentials, refresh and password-reset tokens, profiles, addresses and roles. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('accounts')],
})
export class AccountsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
