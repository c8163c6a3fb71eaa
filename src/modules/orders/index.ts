export * from './contracts';
export { OrdersModule } from './orders.module';
