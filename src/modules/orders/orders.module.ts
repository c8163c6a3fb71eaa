import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { CancelOrderUseCase } from './application/cancel-order/cancel-order.use-case';
import { ShipmentCancellation } from './application/cancel-order/shipment-cancellation';
import { ShipmentCancellationSweeper } from './application/cancel-order/shipment-cancellation.sweeper';
import { CheckoutDeadlineSweeper } from './application/checkout/checkout-deadline.sweeper';
import { CheckoutProcess } from './application/checkout/checkout.process';
import { OnPaymentAuthorizedHandler } from './application/checkout/on-payment-authorized.handler';
import { OnPaymentReviewedHandler } from './application/checkout/on-payment-reviewed.handler';
import { GetCustomerOrdersHandler } from './application/customer-orders-tool/get-customer-orders.handler';
import { OnPaymentCapturedHandler } from './application/checkout/on-payment-captured.handler';
import { OnPaymentDeclinedHandler } from './application/checkout/on-payment-declined.handler';
import { OnPaymentFailedHandler } from './application/checkout/on-payment-failed.handler';
import { OnStockCommittedHandler } from './application/checkout/on-stock-committed.handler';
import { OnStockReservationRejectedHandler } from './application/checkout/on-stock-reservation-rejected.handler';
import { OnStockReservedHandler } from './application/checkout/on-stock-reserved.handler';
import { OnPromotionRedeemedHandler } from './application/checkout/on-promotion-redeemed.handler';
import { OnPromotionRejectedHandler } from './application/checkout/on-promotion-rejected.handler';
import { RefundOrderLinesUseCase } from './application/refunds/refund-order-lines.use-case';
import { ReleasePromotionsOnFullRefundHandler } from './application/refunds/release-promotions-on-full-refund.handler';
import { OnShipmentDeliveredHandler } from './application/follow-shipments/on-shipment-delivered.handler';
import { OnShipmentDispatchedHandler } from './application/follow-shipments/on-shipment-dispatched.handler';
import { OrderFulfilmentUpdater } from './application/follow-shipments/order-fulfilment';
import { PlaceOrderUseCase } from './application/place-order/place-order.use-case';
import { OnPaymentRefundedHandler } from './application/timeline/on-payment-refunded.handler';
import { OnPaymentVoidedHandler } from './application/timeline/on-payment-voided.handler';
import { OnStockReleasedHandler } from './application/timeline/on-stock-released.handler';
import { GetOrderUseCase } from './application/view-orders/get-order.use-case';
import { ListOrdersUseCase } from './application/view-orders/list-orders.use-case';
import { OrderReader } from './application/view-orders/order-reader';
import { GetCheckoutSagaUseCase } from './application/saga-timeline/get-checkout-saga.use-case';
import { CheckoutMessagesRepository } from './infrastructure/checkout-messages.repository';
import { GetOrderStatsUseCase } from './application/order-stats/get-order-stats.use-case';
import { OrderStatsRepository } from './infrastructure/order-stats.repository';
import { OrdersController } from './http/orders.controller';
import { CheckoutSagaOrmEntity } from './infrastructure/checkout-saga.orm-entity';
import { CheckoutSagaRepository } from './infrastructure/checkout-saga.repository';
import { CheckoutStepRepository } from './infrastructure/checkout-step.repository';
import { OrderLineOrmEntity } from './infrastructure/order-line.orm-entity';
import { OrderTimelineEntryOrmEntity } from './infrastructure/order-timeline-entry.orm-entity';
import { OrderTimelineRepository } from './infrastructure/order-timeline.repository';
import { OrderOrmEntity } from './infrastructure/order.orm-entity';
import { OrderRepository } from './infrastructure/order.repository';
import { ShipmentCancellationRepository } from './infrastructure/shipment-cancellation.repository';
import { loadOrdersConfig, ORDERS_CONFIG } from './orders.config';
import { ordersDescriptor } from './orders.descriptor';

const database: ModuleDatabaseDefinition = {
  module: 'orders',
  entities: [OrderOrmEntity, OrderLineOrmEntity, OrderTimelineEntryOrmEntity, CheckoutSagaOrmEntity],
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
    OrderRepository,
    CheckoutSagaRepository,
    CheckoutStepRepository,
    OrderTimelineRepository,
    CheckoutProcess,
    CheckoutDeadlineSweeper,
    OrderReader,
    PlaceOrderUseCase,
    CancelOrderUseCase,
    ShipmentCancellationRepository,
    ShipmentCancellation,
    ShipmentCancellationSweeper,
    GetOrderUseCase,
    ListOrdersUseCase,
    GetCheckoutSagaUseCase,
    CheckoutMessagesRepository,
    GetOrderStatsUseCase,
    OrderStatsRepository,
    OnPromotionRedeemedHandler,
    OnPromotionRejectedHandler,
    ReleasePromotionsOnFullRefundHandler,
    RefundOrderLinesUseCase,
    OnStockReservedHandler,
    OnStockReservationRejectedHandler,
    OnStockCommittedHandler,
    OnPaymentAuthorizedHandler,
    OnPaymentReviewedHandler,
    GetCustomerOrdersHandler,
    OnPaymentDeclinedHandler,
    OnPaymentCapturedHandler,
    OnPaymentFailedHandler,
    OnPaymentRefundedHandler,
    OnPaymentVoidedHandler,
    OnStockReleasedHandler,
    OrderFulfilmentUpdater,
    OnShipmentDispatchedHandler,
    OnShipmentDeliveredHandler,
  ],
})
export class OrdersModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = ordersDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
