export * from './contracts';
export { CatalogModule } from './catalog.module';
