// Pure id helpers, usable from any layer (domain included).
export * from './uuid';
