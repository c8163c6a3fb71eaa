import { ViewVariantStockUseCase } from './application/view-stock/view-variant-stock.use-case';
import { VariantStockRepository } from './infrastructure/variant-stock.repository';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CATALOG_CONFIG, loadCatalogConfig } from './catalog.config';
import { CatalogReadCache } from './application/catalog-read-cache';
import { CommitStockHandler } from './application/commit-stock/commit-stock.handler';
import { CreateCategoryUseCase } from './application/create-category/create-category.use-case';
import { ReservationExpirySweeper } from './application/expire-reservations/reservation-expiry.sweeper';
import { GetVariantSnapshotsHandler } from './application/get-variant-snapshots/get-variant-snapshots.handler';
import { GetProductFactsHandler } from './application/product-facts/get-product-facts.handler';
import { AcceptDescriptionDraftUseCase } from './application/description-drafts/accept-description-draft.use-case';
import { DraftDecisions } from './application/description-drafts/decide-description-draft';
import { DiscardDescriptionDraftUseCase } from './application/description-drafts/discard-description-draft.use-case';
import { ListDescriptionDraftsUseCase } from './application/description-drafts/list-description-drafts.use-case';
import { RequestDescriptionDraftUseCase } from './application/description-drafts/request-description-draft.use-case';
import { DescriptionDraftsController } from './http/description-drafts.controller';
import { DescriptionDraftRepository } from './infrastructure/description-draft.repository';
import { ListCategoriesUseCase } from './application/list-categories/list-categories.use-case';
import { ListProductsUseCase } from './application/list-products/list-products.use-case';
import { ArchiveProductUseCase } from './application/manage-products/archive-product.use-case';
import { CreateProductUseCase } from './application/manage-products/create-product.use-case';
import { EditProductUseCase } from './application/manage-products/edit-product.use-case';
import { ReleaseStockHandler } from './application/release-stock/release-stock.handler';
import { ReserveStockHandler } from './application/reserve-stock/reserve-stock.handler';
import { RestockOrderHandler } from './application/restock-order/restock-order.handler';
import { SetStockUseCase } from './application/set-stock/set-stock.use-case';
import { ReservedUnits } from './application/stock/return-reserved-units';
import { ViewProductUseCase } from './application/view-product/view-product.use-case';
import { CategoriesController } from './http/categories.controller';
import { ProductsController } from './http/products.controller';
import { VariantsController } from './http/variants.controller';
import { CategoryRepository } from './infrastructure/category.repository';
import { ProductRepository } from './infrastructure/product.repository';
import { ReservationRepository } from './infrastructure/reservation.repository';
import { StockRepository } from './infrastructure/stock.repository';
import { VariantRepository } from './infrastructure/variant.repository';
import { catalogDescriptor } from './catalog.descriptor';

// The catalog reads and writes through lean SQL in its repositories (docs/architecture.md §10), so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'catalog', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadCatalogConfig(config.source);

/** The catalog bounded context: products, variants, categories, images, stock levels and stock reservations. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('catalog')],
  controllers: [ProductsController, VariantsController, CategoriesController, DescriptionDraftsController],
  providers: [
    {
      provide: CATALOG_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    ProductRepository,
    CategoryRepository,
    VariantRepository,
    StockRepository,
    ReservationRepository,
    CatalogReadCache,
    ReservedUnits,
    ListProductsUseCase,
    ViewProductUseCase,
    CreateProductUseCase,
    EditProductUseCase,
    ArchiveProductUseCase,
    SetStockUseCase,
    ViewVariantStockUseCase,
    VariantStockRepository,
    ListCategoriesUseCase,
    CreateCategoryUseCase,
    GetVariantSnapshotsHandler,
    GetProductFactsHandler,
    DescriptionDraftRepository,
    DraftDecisions,
    RequestDescriptionDraftUseCase,
    ListDescriptionDraftsUseCase,
    AcceptDescriptionDraftUseCase,
    DiscardDescriptionDraftUseCase,
    ReserveStockHandler,
    ReleaseStockHandler,
    CommitStockHandler,
    RestockOrderHandler,
    ReservationExpirySweeper,
  ],
})
export class CatalogModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = catalogDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
