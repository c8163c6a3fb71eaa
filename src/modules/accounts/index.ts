export * from './contracts';
export { AccountsModule } from './accounts.module';
