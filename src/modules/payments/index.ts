export * from './contracts';
export { PaymentsModule } from './payments.module';
