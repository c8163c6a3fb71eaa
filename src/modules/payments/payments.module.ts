import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'payments', entities: [] };

/** The payments bounded context: payments, provider references, refunds, webhook receipts and risk assessments. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('payments')],
})
export class PaymentsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
