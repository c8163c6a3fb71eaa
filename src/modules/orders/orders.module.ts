import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'orders', entities: [] };

/** The orders bounded context: orders, order lines, their timeline and the checkout saga state. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('orders')],
})
export class OrdersModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
