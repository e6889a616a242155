export * from './chain.commands';
export * from './chain.decider';
export * from './chain.errors';
export * from './chain.events';
export * from './chain.state';
export * from './chain.stream';
export * from './retention';
