// Pure error helpers, usable from any layer (domain included).
export * from './describe-error';
export * from './domain-error';
export * from './problem-data';
export * from './wiring-error';
