export * from './contracts';
export { PromotionsModule } from './promotions.module';
