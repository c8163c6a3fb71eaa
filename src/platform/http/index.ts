export * from './configure-http';
export * from './gateway-proxy';
export * from './pagination';
export * from './problem-details';
export * from './problem-details.filter';
export * from './problem.exception';
export * from './to-problem';
export * from './validation.pipe';
