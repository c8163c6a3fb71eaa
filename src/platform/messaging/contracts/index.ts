export * from './contract-registry';
export * from './data-tool';
export * from './json-safety';
export * from './message-envelope';
export * from './messages';
export * from './money';
