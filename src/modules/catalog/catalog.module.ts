import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';

const database: ModuleDatabaseDefinition = { module: 'catalog', entities: [] };

/** The catalog bounded context: products, variants, categories, images, stock levels and stock reservations. */
@Module({
  imports: [ModuleDatabaseModule.register(database)],
})
export class CatalogModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
