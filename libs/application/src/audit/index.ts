export * from './audit-records';
export * from './chain-facts';
export * from './audit-ledger';
export * from './esf-indicators';
export * from './audit-reader';
export * from './periodic-sealer';
export * from './ledger-csv';
