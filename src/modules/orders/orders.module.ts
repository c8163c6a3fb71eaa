import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CancelOrderHandler } from './application/cancel-order/cancel-order.handler';
import { CheckoutDeadlineSweeper } from './application/checkout/checkout-deadline.sweeper';
import { CheckoutProcess } from './application/checkout/checkout-process';
import { OnPaymentAuthorized } from './application/checkout/on-payment-authorized.handler';
import { OnPaymentCaptured } from './application/checkout/on-payment-captured.handler';
import { OnPaymentDeclined } from './application/checkout/on-payment-declined.handler';
import { OnPaymentFailed } from './application/checkout/on-payment-failed.handler';
import { OnStockCommitted } from './application/checkout/on-stock-committed.handler';
import { OnStockReservationRejected } from './application/checkout/on-stock-reservation-rejected.handler';
import { OnStockReserved } from './application/checkout/on-stock-reserved.handler';
import { PlaceOrderHandler } from './application/place-order/place-order.handler';
import { ShipOrderHandler } from './application/ship-order/ship-order.handler';
import { OnPaymentRefunded } from './application/timeline/on-payment-refunded.handler';
import { OnPaymentVoided } from './application/timeline/on-payment-voided.handler';
import { OnStockReleased } from './application/timeline/on-stock-released.handler';
import { OrderReader } from './application/view-orders/order-reader';
import { OrdersController } from './http/orders.controller';
import { CheckoutSagaEntity } from './infrastructure/checkout-saga.orm-entity';
import { OrderLineEntity } from './infrastructure/order-line.orm-entity';
import { OrderTimelineEntryEntity } from './infrastructure/order-timeline-entry.orm-entity';
import { OrderEntity } from './infrastructure/order.orm-entity';
import { loadOrdersConfig, ORDERS_CONFIG } from './orders.config';

const database: ModuleDatabaseDefinition = {
  module: 'orders',
  entities: [OrderEntity, OrderLineEntity, OrderTimelineEntryEntity, CheckoutSagaEntity],
};

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadOrdersConfig(config.source);

/** The orders bounded context: orders, their lines and timeline, and the checkout saga. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('orders')],
  controllers: [OrdersController],
  providers: [
    {
      provide: ORDERS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    CheckoutProcess,
    CheckoutDeadlineSweeper,
    PlaceOrderHandler,
    CancelOrderHandler,
    ShipOrderHandler,
    OrderReader,
    OnStockReserved,
    OnStockReservationRejected,
    OnStockCommitted,
    OnPaymentAuthorized,
    OnPaymentDeclined,
    OnPaymentCaptured,
    OnPaymentFailed,
    OnPaymentRefunded,
    OnPaymentVoided,
    OnStockReleased,
  ],
})
export class OrdersModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
