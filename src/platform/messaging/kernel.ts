// The messaging kernel: what the composition root and the platform wire and run, never a module
// (dependency-cruiser: modules-use-the-module-entry-of-messaging). Modules use ./index.
export * from './envelopes';
export * from './inbox/local-event-dispatcher';
export { MessagingModule } from './messaging.module';
export * from './outbox/messaging-tables';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-relays';
export { insertIntoOutbox } from './outbox/outbox.sql';
export * from './transaction-runner';
export * from './transport/message-transport';
