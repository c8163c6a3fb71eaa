// The tax module's public contracts: the only things other modules may know of it.
export * from './compute-tax.query';
