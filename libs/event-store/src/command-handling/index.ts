export * from './command-handler';
export * from './derive-event-id';
export * from './state-cache';
