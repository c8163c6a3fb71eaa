export * from './contracts';
export { RecommendationsModule } from './recommendations.module';
