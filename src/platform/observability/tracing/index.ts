export * from './spans';
export * from './start-tracing';
export * from './tracing-settings';
export * from './http-route';
