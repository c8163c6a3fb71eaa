import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'cart', entities: [] };

/** The cart bounded context: guest and customer carts and their lines with price snapshots. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('cart')],
})
export class CartModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
