// For tests only (dependency-cruiser: testing-entry-is-for-tests): what a module may use, plus the
// kernel's handles a test drives, such as OutboxRelays (deliver now) and LocalEventDispatcher.
export * from './index';
export * from './kernel';
