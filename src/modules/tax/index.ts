export * from './contracts';
export { TaxModule } from './tax.module';
