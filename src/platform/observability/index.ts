export * from './http-metrics';
export * from './logger.module';
export * from './observability.module';
export * from './readiness-checks';
export * from './management-access';
export * from './startup-summary';
export * from './tracing';
