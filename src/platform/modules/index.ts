// What a business module says about itself (name, URL prefixes, allowed dependencies).
export * from './module-descriptor';
