export * from './personal-data';
export * from './privacy.errors';
export * from './key-store.port';
export * from './memory-key-store';
export * from './sqlite-key-store';
export * from './personal-data-cipher';
export * from './blind-index';
export * from './secrets';
