export * from './access-tokens';
export * from './auth.decorators';
export * from './auth.module';
export * from './authenticated-user';
export * from './signing-key';
export * from './access-status';
