// The accounts module's public contracts: the only things other modules may know of it.
export * from './get-access-status.query';
export * from './get-user-summary.query';
export * from './password-changed.integration-event';
export * from './password-reset-requested.integration-event';
export * from './user-registered.integration-event';
