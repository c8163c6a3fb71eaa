import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'catalog', entities: [] };

/** The catalog bounded context: products, variants, categories, images, stock levels and stock reservations. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('catalog')],
})
export class CatalogModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
