// The ai module's public face for other modules: its contracts only. The composition root takes the
// Nest module from ai.module.ts, so two modules may use each other's contracts without an import cycle.
export * from './contracts';
