export * from './contract-registry';
export * from './json-safety';
export * from './message-envelope';
export * from './messages';
export * from './money';
