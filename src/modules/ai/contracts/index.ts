// The ai module's public contracts: the only things other modules may know of it (docs/modules/ai.md).
export * from './get-prompt.query';
export * from './complete-chat.command';
export * from './budget-soft-limit-reached.integration-event';
export * from './complete-chat-with-data-tools.command';
