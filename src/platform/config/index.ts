export * from './app-config';
export * from './auth-config';
export * from './config-error';
export * from './config.module';
export * from './env-readers';
export * from './url-template';
