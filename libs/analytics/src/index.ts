export * from './network-graph';
