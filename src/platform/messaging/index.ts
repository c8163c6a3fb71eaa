// What a business module may use of messaging (dependency-cruiser: modules-use-the-module-entry-of-messaging):
// its contracts, the bus, the unit of work and its transaction, event subscribers, idempotency and
// messaging's own errors. The kernel's parts (relays, the local dispatcher, transports, outbox
// tables, envelopes) are in ./kernel, for the composition root and the platform; tests use ./testing.
export * from './contracts';
export * from './inbox/integration-event-handler';
export { BatchedCommandHandler } from './batching/batched-command-handler';
export * from './message-bus';
export { ModuleMessagingModule } from './messaging.module';
export * from './transaction';
export * from './messaging-errors';
export * from './unit-of-work';
export * from './idempotency';
