export * from './event-store.port';
export { canonicalJson, toCanonicalValue, CanonicalJsonError } from './chain/canonical-json';
export { hashEvent, type HashedEventFields } from './chain/event-hash';
export { InvalidAppendError, isUuid } from './chain/append-validation';
export { ChainedEventStore, type ChainedEventStoreOptions } from './chain/chained-event-store';
export {
  verifyStream,
  verifyAll,
  type ChainProblem,
  type ChainIntact,
  type ChainBroken,
  type ChainVerification,
  type VerifyProgress,
  type VerifyOptions,
} from './chain/verify';
export { SqliteEventStorage, type SqliteEventStorageOptions } from './sqlite/sqlite-event-storage';
export { KurrentDbEventStorage, toStreamState, type KurrentDbEventStorageOptions } from './kurrentdb/kurrentdb-event-storage';
export { createEventStorage, createEventStore, type EventStorageConfig } from './create-event-store';
export * from './command-handling';
