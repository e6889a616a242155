export * from './read-store.port';
export * from './projection';
export { MemoryReadStore } from './stores/memory-read-store';
export { SqliteReadStore, type SqliteReadStoreOptions } from './stores/sqlite-read-store';
export { MongoReadStore, type MongoReadStoreOptions } from './stores/mongodb-read-store';
export { createReadStore, type ReadStoreConfig } from './stores/create-read-store';
