import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { LearnFromCartItemAdded } from './application/learn-from-cart-item-added/learn-from-cart-item-added.handler';
import { LearnFromOrderConfirmed } from './application/learn-from-order-confirmed/learn-from-order-confirmed.handler';
import { NeighbourRefresh } from './application/refresh-neighbours/neighbour-refresh';
import { TrackProductPublished } from './application/track-product-published/track-product-published.handler';
import { TrackProductUpdated } from './application/track-product-updated/track-product-updated.handler';
import { TrackStockAvailability } from './application/track-stock-availability/track-stock-availability.handler';
import { RecommendationsController } from './http/recommendations.controller';
import { RecommendationReads } from './infrastructure/recommendation-reads';
import { loadRecommendationsConfig, RECOMMENDATIONS_CONFIG } from './recommendations.config';

// The read model is plain SQL (raw facts + derived tables); no ORM entity is needed.
const database: ModuleDatabaseDefinition = { module: 'recommendations', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadRecommendationsConfig(config.source);

/** The recommendations bounded context: the recommendation read model: co-purchases, similarities, popularity, user history. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('recommendations')],
  controllers: [RecommendationsController],
  providers: [
    {
      provide: RECOMMENDATIONS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    RecommendationReads,
    LearnFromOrderConfirmed,
    LearnFromCartItemAdded,
    TrackProductPublished,
    TrackProductUpdated,
    TrackStockAvailability,
    NeighbourRefresh,
  ],
})
export class RecommendationsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
