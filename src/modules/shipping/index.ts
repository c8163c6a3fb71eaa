export * from './contracts';
export { ShippingModule } from './shipping.module';
