// What a business module says about itself (name, URL prefixes, allowed dependencies).
export * from './module-descriptor';
export * from './module-map';
export * from './module-map.module';
