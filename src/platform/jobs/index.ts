export * from './periodic-task';
export * from './deliver-in-partitions';
