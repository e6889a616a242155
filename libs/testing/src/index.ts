export * from './decider-specification';
export * from './event-store-harness';
export * from './synthetic-history';
export * from './projection-spec';
export * from './view-documents';
export * from './copied-keys';
export * from './until';
