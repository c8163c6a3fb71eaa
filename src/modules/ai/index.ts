export * from './contracts';
export { AiModule } from './ai.module';
