// The cart module's public contracts: the only things other modules may know of it.
export * from './cart-checked-out.integration-event';
export * from './cart-item-added.integration-event';
export * from './clear-cart.command';
export * from './get-cart-for-checkout.query';
export * from './get-cart-for-quote.query';
