import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { LearnFromCartItemAddedHandler } from './application/learn-from-cart-item-added/learn-from-cart-item-added.handler';
import { LearnFromOrderConfirmedHandler } from './application/learn-from-order-confirmed/learn-from-order-confirmed.handler';
import { GetPersonalRecommendationsUseCase } from './application/personal-recommendations/get-personal-recommendations.use-case';
import { GetPopularProductsUseCase } from './application/popular-products/get-popular-products.use-case';
import { StaleNeighboursSweeper } from './application/refresh-neighbours/stale-neighbours.sweeper';
import { GetSimilarProductsUseCase } from './application/similar-products/get-similar-products.use-case';
import { TrackProductPublishedHandler } from './application/track-product-published/track-product-published.handler';
import { TrackProductUpdatedHandler } from './application/track-product-updated/track-product-updated.handler';
import { TrackStockAvailabilityHandler } from './application/track-stock-availability/track-stock-availability.handler';
import { RecommendationsController } from './http/recommendations.controller';
import { CatalogFactsRepository } from './infrastructure/catalog-facts.repository';
import { LearnedSignalsRepository } from './infrastructure/learned-signals.repository';
import { NeighbourRepository } from './infrastructure/neighbour.repository';
import { RecommendationRepository } from './infrastructure/recommendation.repository';
import { loadRecommendationsConfig, RECOMMENDATIONS_CONFIG } from './recommendations.config';
import { recommendationsDescriptor } from './recommendations.descriptor';

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
    // infrastructure
    RecommendationRepository,
    CatalogFactsRepository,
    LearnedSignalsRepository,
    NeighbourRepository,
    // use cases
    GetSimilarProductsUseCase,
    GetPersonalRecommendationsUseCase,
    GetPopularProductsUseCase,
    // event subscribers
    LearnFromOrderConfirmedHandler,
    LearnFromCartItemAddedHandler,
    TrackProductPublishedHandler,
    TrackProductUpdatedHandler,
    TrackStockAvailabilityHandler,
    // periodic work
    StaleNeighboursSweeper,
  ],
})
export class RecommendationsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = recommendationsDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
