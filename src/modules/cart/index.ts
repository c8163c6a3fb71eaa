export * from './contracts';
export { CartModule } from './cart.module';
