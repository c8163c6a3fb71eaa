// The orders module's public contracts: the only things other modules may know of it.
export * from './get-customer-orders.query';
export * from './order-cancelled.integration-event';
export * from './order-confirmed.integration-event';
export * from './order-placed.integration-event';
export * from './order-shipped.integration-event';
