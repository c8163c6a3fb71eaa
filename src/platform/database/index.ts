export * from './database-target';
export * from './database.module';
export * from './embedded-postgres.server';
export * from './migration-loader';
export * from './module-data-source';
export * from './module-data-sources.registry';
export * from './module-schema.bootstrap';
export * from './minor-units-column';
