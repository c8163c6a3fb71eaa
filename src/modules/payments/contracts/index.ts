// The payments module's public contracts: the only things other modules may know of it.
export * from './authorize-payment.command';
export * from './capture-payment.command';
export * from './get-payment-providers.query';
export * from './get-payment-risk-signals.query';
export * from './payment-authorized.integration-event';
export * from './payment-captured.integration-event';
export * from './payment-declined.integration-event';
export * from './payment-failed.integration-event';
export * from './payment-refunded.integration-event';
export * from './payment-reviewed.integration-event';
export * from './payment-voided.integration-event';
export * from './refund-payment.command';
export * from './void-payment.command';
