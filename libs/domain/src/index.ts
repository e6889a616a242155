export * from './shared/decider';
export * from './shared/domain-error';
