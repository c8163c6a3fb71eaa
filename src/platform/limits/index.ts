export * from './limits.module';
export * from './rate-limits';
export * from './client-address';
export * from './too-many-requests';
