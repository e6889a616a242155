export * from './network-graph';
export * from './metrics/network-metrics';
export * from './exports';
