import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';

const database: ModuleDatabaseDefinition = { module: 'recommendations', entities: [] };

/** The recommendations bounded context: the recommendation read model: co-purchases, similarities, popularity, user history. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('recommendations')],
})
export class RecommendationsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
}
