export * from './event-store.port';
export { canonicalJson, toCanonicalValue, CanonicalJsonError } from './chain/canonical-json';
export { hashEvent, type HashedEventFields } from './chain/event-hash';
export { InvalidAppendError, isUuid } from './chain/append-validation';
export { ChainedEventStore, type ChainedEventStoreOptions } from './chain/chained-event-store';
export { ChainIntegrity, ChainBrokenError, CHAIN_INTEGRITY, checkEventLink, describeBreak, type ChainBreak, type BreakFinder, type FoundBreak, type SealMismatch } from './chain/chain-integrity';
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
export { AUDIT_SEALS_STREAM, AUDIT_SEALED, SEAL_ALGORITHM, type AuditSealedData } from './seal/audit-seal.events';
export { merkleRoot, merkleRootOfLeaves, sealLeaf, EMPTY_MERKLE_ROOT } from './seal/merkle-root';
export { scanHeadsAt, type HeadsAt, type HeadsScanProgress, type HeadsScanOptions } from './seal/log-heads';
export { sealLog, sealRootAt, NothingToSealError, type SealLogOptions, type SealResult, type SealableStore } from './seal/seal-log';
export { verifySeals, type SealCheck, type SealIntact, type SealBroken, type SealProblem, type SealsProgress, type VerifySealsOptions } from './seal/verify-seals';
export { checkRoot, InvalidRootError, type RootCheck } from './seal/check-root';
export { verifySinceLastSeal, type SinceSealVerification, type LastSealCheck, type VerifySinceSealOptions } from './seal/verify-since-seal';
export { verifyLog, type LogVerification, type LogIntact, type LogChainBroken, type LogSealBroken, type LogVerifyProgress, type VerifyLogOptions } from './seal/verify-log';
export { errorMessage } from './error-message';
export { restrictDataFolder, restrictSqliteFiles } from './owner-only';
export { GroupCommit, type Outcome } from './sqlite/group-commit';
export { LimitedStatements } from './sqlite/limited-statements';
