import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CARRIER_PROVIDERS } from './application/carriers/carrier-provider';
import { Carriers } from './application/carriers/carriers';
import { CancelOrderShipmentsHandler } from './application/fulfil-orders/cancel-order-shipments.handler';
import { OrderShipmentsCancellation } from './application/fulfil-orders/cancel-order-shipments';
import { CancelShipmentsOnOrderCancelledHandler } from './application/fulfil-orders/cancel-shipments-on-order-cancelled.handler';
import { CreateShipmentOnOrderConfirmedHandler } from './application/fulfil-orders/create-shipment-on-order-confirmed.handler';
import { OrderShipmentChanges } from './application/fulfil-orders/order-shipment-changes';
import { ReceiveTrackingWebhookUseCase } from './application/receive-tracking/receive-tracking-webhook.use-case';
import { CarrierDeliverySweeper } from './application/sandbox-carrier/carrier-delivery.sweeper';
import { SimulateCarrierEventUseCase } from './application/sandbox-carrier/simulate-carrier-event.use-case';
import { DeliverShipmentUseCase } from './application/ship-parcels/deliver-shipment.use-case';
import { DispatchShipmentUseCase } from './application/ship-parcels/dispatch-shipment.use-case';
import { PackShipmentUseCase } from './application/ship-parcels/pack-shipment.use-case';
import { SplitShipmentUseCase } from './application/ship-parcels/split-shipment.use-case';
import { ListShipmentsUseCase } from './application/view-shipments/list-shipments.use-case';
import { TrackOrderUseCase } from './application/view-shipments/track-order.use-case';
import { ViewShipmentUseCase } from './application/view-shipments/view-shipment.use-case';
import { CarrierWebhooksController } from './http/carrier-webhooks.controller';
import { SandboxCarrierController } from './http/sandbox-carrier.controller';
import { ShipmentsController } from './http/shipments.controller';
import { TrackingController } from './http/tracking.controller';
import { SandboxCarrierProvider } from './infrastructure/providers/sandbox-carrier.provider';
import { ShipmentRepository } from './infrastructure/shipment.repository';
import { TrackingReceiptRepository } from './infrastructure/tracking-receipt.repository';
import { GetShippingOptionsHandler } from './application/quote-shipping/get-shipping-options.handler';
import { QuoteCartUseCase } from './application/quote-shipping/quote-cart.use-case';
import { QuoteShippingMethodHandler } from './application/quote-shipping/quote-shipping-method.handler';
import { GetShippingSetupHandler } from './application/quote-shipping/get-shipping-setup.handler';
import { ShippingQuotes } from './application/quote-shipping/shipping-quotes';
import { WEIGHT_PROVIDER } from './application/quote-shipping/weight-provider';
import { OptionsController } from './http/options.controller';
import { CatalogWeightProvider } from './infrastructure/providers/catalog-weight.provider';
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
import { loadShippingConfig, SHIPPING_CONFIG, ShippingConfig } from './shipping.config';
import { shippingDescriptor } from './shipping.descriptor';

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
  controllers: [
    ZonesController,
    MethodsController,
    OptionsController,
    ShipmentsController,
    TrackingController,
    CarrierWebhooksController,
    SandboxCarrierController,
  ],
  providers: [
    {
      provide: SHIPPING_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    ZoneRepository,
    ShippingMethodRepository,
    ShipmentRepository,
    TrackingReceiptRepository,
    SandboxCarrierProvider,
    {
      // The sandbox carrier exists only when enabled (off in production unless SHIPPING_SANDBOX=enabled).
      provide: CARRIER_PROVIDERS,
      inject: [SHIPPING_CONFIG, SandboxCarrierProvider],
      useFactory: (config: ShippingConfig, sandbox: SandboxCarrierProvider) =>
        config.sandbox.enabled ? [sandbox] : [],
    },
    Carriers,
    { provide: WEIGHT_PROVIDER, useClass: CatalogWeightProvider },
    ShippingQuotes,
    GetShippingOptionsHandler,
    QuoteShippingMethodHandler,
    GetShippingSetupHandler,
    QuoteCartUseCase,
    OrderShipmentChanges,
    OrderShipmentsCancellation,
    CreateShipmentOnOrderConfirmedHandler,
    CancelShipmentsOnOrderCancelledHandler,
    CancelOrderShipmentsHandler,
    ListShipmentsUseCase,
    ViewShipmentUseCase,
    TrackOrderUseCase,
    SplitShipmentUseCase,
    PackShipmentUseCase,
    DispatchShipmentUseCase,
    DeliverShipmentUseCase,
    ReceiveTrackingWebhookUseCase,
    SimulateCarrierEventUseCase,
    CarrierDeliverySweeper,
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
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = shippingDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
