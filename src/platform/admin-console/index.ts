export * from './admin-console.module';
export * from './serve-admin-console';
