export * from './collaboration.commands';
export * from './collaboration.decider';
export * from './collaboration.errors';
export * from './collaboration.events';
export * from './collaboration.state';
export * from './collaboration.stream';
