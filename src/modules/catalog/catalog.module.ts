import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CATALOG_CONFIG, loadCatalogConfig } from './catalog.config';
import { CatalogReadCache } from './application/catalog-read-cache';
import { Categories } from './application/categories/categories.use-case';
import { CommitStockHandler } from './application/commit-stock/commit-stock.handler';
import { ReservationExpirySweeper } from './application/expire-reservations/reservation-expiry.sweeper';
import { GetVariantSnapshotsHandler } from './application/get-variant-snapshots/get-variant-snapshots.handler';
import { ListProducts } from './application/list-products/list-products.use-case';
import { ArchiveProduct } from './application/manage-products/archive-product.use-case';
import { CreateProduct } from './application/manage-products/create-product.use-case';
import { EditProduct } from './application/manage-products/edit-product.use-case';
import { ReleaseStockHandler } from './application/release-stock/release-stock.handler';
import { ReserveStockHandler } from './application/reserve-stock/reserve-stock.handler';
import { RestockOrderHandler } from './application/restock-order/restock-order.handler';
import { SetStock } from './application/set-stock/set-stock.use-case';
import { ViewProduct } from './application/view-product/view-product.use-case';
import { CategoriesController } from './http/categories.controller';
import { ProductsController } from './http/products.controller';
import { VariantsController } from './http/variants.controller';

// The catalog reads and writes through lean SQL on its DataSource (docs/architecture.md §10), so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'catalog', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadCatalogConfig(config.source);

/** The catalog bounded context: products, variants, categories, images, stock levels and stock reservations. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('catalog')],
  controllers: [ProductsController, VariantsController, CategoriesController],
  providers: [
    {
      provide: CATALOG_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    CatalogReadCache,
    ListProducts,
    ViewProduct,
    CreateProduct,
    EditProduct,
    ArchiveProduct,
    SetStock,
    Categories,
    GetVariantSnapshotsHandler,
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
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
