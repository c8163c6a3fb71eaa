// The shipping module's public contracts: the only things other modules may know of it.
export * from './cancel-order-shipments.command';
export * from './shipment-cancelled.integration-event';
export * from './shipment-delivered.integration-event';
export * from './shipment-dispatched.integration-event';
export * from './get-shipping-options.query';
export * from './quote-shipping-method.query';
export * from './get-shipping-setup.query';
