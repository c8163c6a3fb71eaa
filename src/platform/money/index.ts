export * from './money';
export * from './currency';
export * from './exact-arithmetic';
export * from './largest-remainder';
