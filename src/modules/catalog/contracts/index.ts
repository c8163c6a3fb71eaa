// The catalog module's public contracts: the only things other modules may know of it.
export * from './commit-stock.command';
export * from './get-product-facts.query';
export * from './get-variant-snapshots.query';
export * from './product-published.integration-event';
export * from './product-updated.integration-event';
export * from './release-stock.command';
export * from './reserve-stock.command';
export * from './restock-order.command';
export * from './stock-availability-changed.integration-event';
export * from './stock-committed.integration-event';
export * from './stock-level-low.integration-event';
export * from './stock-released.integration-event';
export * from './stock-reservation-rejected.integration-event';
export * from './stock-reserved.integration-event';
