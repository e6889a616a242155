export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/seeded-random';
export * from './chain';
export * from './collaboration';
export * from './organization';
export * from './person';
export * from './workshop';
