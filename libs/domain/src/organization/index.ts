export * from './organization.commands';
export * from './organization.decider';
export * from './organization.errors';
export * from './organization.events';
export * from './organization.state';
export * from './organization.stream';
