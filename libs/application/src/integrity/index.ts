export * from './startup-integrity-check';
