/**
 * Today's offenders of Arcade's module grammar (docs/writing-a-module.md): ONE list, read by
 * .dependency-cruiser.cjs (layer rules) and test/architecture/grammar.e2e-spec.ts (naming rules).
 *
 * It shrinks to empty with issue 17's module refactor: fix a file, delete its line. The grammar
 * test fails both for a new offender and for a line that no longer offends, so the list always
 * names exactly what is left to do. Never add a line to it: write the new code in the grammar.
 *
 * Layer rules list the importing file; naming rules list `<file>` or `<file>: <Class>`.
 */
module.exports = {
  'http-calls-use-cases': ['src/modules/orders/http/orders.controller.ts'],
  'http-not-infrastructure': ['src/modules/payments/http/payments.controller.ts'],
  'orm-entities-stay-in-infrastructure': [
    'src/modules/orders/application/cancel-order/cancel-order.handler.ts',
    'src/modules/orders/application/checkout/checkout-process.ts',
    'src/modules/orders/application/checkout/checkout-step-commands.ts',
    'src/modules/orders/application/place-order/place-order.handler.ts',
    'src/modules/orders/application/ship-order/ship-order.handler.ts',
    'src/modules/orders/application/view-orders/order-reader.ts',
    'src/modules/orders/application/view-orders/order-view.ts',
    'src/modules/payments/application/authorize-payment/authorize-payment.handler.ts',
    'src/modules/payments/application/authorize-payment/open-payment.ts',
    'src/modules/payments/application/list-payments/list-payments.ts',
    'src/modules/payments/application/payment-of-order.ts',
    'src/modules/payments/application/receive-webhook/apply-provider-event.ts',
    'src/modules/payments/application/refund-payment/refunds.ts',
  ],
  'handler-file-holds-one-bus-handler': [
    'src/modules/orders/application/cancel-order/cancel-order.handler.ts',
    'src/modules/orders/application/place-order/place-order.handler.ts',
    'src/modules/orders/application/ship-order/ship-order.handler.ts',
  ],
  'bus-handler-lives-in-handler-file': [
    'src/modules/orders/application/checkout/on-payment-authorized.handler.ts: OnPaymentAuthorized',
    'src/modules/orders/application/checkout/on-payment-captured.handler.ts: OnPaymentCaptured',
    'src/modules/orders/application/checkout/on-payment-declined.handler.ts: OnPaymentDeclined',
    'src/modules/orders/application/checkout/on-payment-failed.handler.ts: OnPaymentFailed',
    'src/modules/orders/application/checkout/on-stock-committed.handler.ts: OnStockCommitted',
    'src/modules/orders/application/checkout/on-stock-reservation-rejected.handler.ts: OnStockReservationRejected',
    'src/modules/orders/application/checkout/on-stock-reserved.handler.ts: OnStockReserved',
    'src/modules/orders/application/timeline/on-payment-refunded.handler.ts: OnPaymentRefunded',
    'src/modules/orders/application/timeline/on-payment-voided.handler.ts: OnPaymentVoided',
    'src/modules/orders/application/timeline/on-stock-released.handler.ts: OnStockReleased',
  ],
  'use-case-file-holds-one-use-case': [],
  'use-case-lives-in-use-case-file': [
    'src/modules/orders/application/cancel-order/cancel-order.handler.ts: CancelOrderHandler',
    'src/modules/orders/application/place-order/place-order.handler.ts: PlaceOrderHandler',
    'src/modules/orders/application/ship-order/ship-order.handler.ts: ShipOrderHandler',
  ],
  'sweeper-lives-in-sweeper-file': [],
  'process-lives-in-process-file': ['src/modules/orders/application/checkout/checkout-process.ts: CheckoutProcess'],
  'repository-file-holds-an-injectable-repository': ['src/modules/payments/infrastructure/payments.repository.ts'],
  'repository-lives-in-repository-file': [
    'src/modules/payments/infrastructure/payments.repository.ts: paymentsRepository',
  ],
  'orm-entity-file-holds-an-entity': [
    'src/modules/orders/infrastructure/checkout-saga.orm-entity.ts',
    'src/modules/orders/infrastructure/order-line.orm-entity.ts',
    'src/modules/orders/infrastructure/order-timeline-entry.orm-entity.ts',
    'src/modules/orders/infrastructure/order.orm-entity.ts',
  ],
  'entity-lives-in-orm-entity-file': [
    'src/modules/orders/infrastructure/checkout-saga.orm-entity.ts: CheckoutSagaEntity',
    'src/modules/orders/infrastructure/order-line.orm-entity.ts: OrderLineEntity',
    'src/modules/orders/infrastructure/order-timeline-entry.orm-entity.ts: OrderTimelineEntryEntity',
    'src/modules/orders/infrastructure/order.orm-entity.ts: OrderEntity',
  ],
  'http-holds-controllers-and-dtos': ['src/modules/payments/http/payments.dto.ts: ListPaymentsQuery'],
  'controller-injects-only-use-cases': [
    'src/modules/orders/http/orders.controller.ts: OrdersController',
    'src/modules/payments/http/payments.controller.ts: PaymentsController',
    'src/modules/payments/http/webhooks.controller.ts: WebhooksController',
  ],
};
