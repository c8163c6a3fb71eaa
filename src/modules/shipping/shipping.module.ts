import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CreateMethodUseCase } from './application/manage-methods/create-method.use-case';
import { DeleteMethodUseCase } from './application/manage-methods/delete-method.use-case';
import { EditMethodUseCase } from './application/manage-methods/edit-method.use-case';
import { ListMethodsUseCase } from './application/manage-methods/list-methods.use-case';
import { ViewMethodUseCase } from './application/manage-methods/view-method.use-case';
import { CreateZoneUseCase } from './application/manage-zones/create-zone.use-case';
import { DeleteZoneUseCase } from './application/manage-zones/delete-zone.use-case';
import { EditZoneUseCase } from './application/manage-zones/edit-zone.use-case';
import { ListZonesUseCase } from './application/manage-zones/list-zones.use-case';
import { ViewZoneUseCase } from './application/manage-zones/view-zone.use-case';
import { MethodsController } from './http/methods.controller';
import { ZonesController } from './http/zones.controller';
import { ShippingMethodRepository } from './infrastructure/shipping-method.repository';
import { ZoneRepository } from './infrastructure/zone.repository';
import { loadShippingConfig, SHIPPING_CONFIG } from './shipping.config';

// Shipping reads and writes through lean SQL in its repositories, so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'shipping', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadShippingConfig(config.source);

/**
 * The shipping bounded context (docs/modules/shipping.md, ADR 0106): zones, methods and rate rules,
 * quotes, shipments (split, packed, dispatched, delivered), carrier providers and tracking webhooks.
 */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('shipping')],
  controllers: [ZonesController, MethodsController],
  providers: [
    {
      provide: SHIPPING_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    ZoneRepository,
    ShippingMethodRepository,
    CreateZoneUseCase,
    EditZoneUseCase,
    DeleteZoneUseCase,
    ViewZoneUseCase,
    ListZonesUseCase,
    CreateMethodUseCase,
    EditMethodUseCase,
    DeleteMethodUseCase,
    ViewMethodUseCase,
    ListMethodsUseCase,
  ],
})
export class ShippingModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
