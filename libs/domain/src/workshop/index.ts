export * from './workshop.commands';
export * from './workshop.decider';
export * from './workshop.errors';
export * from './workshop.events';
export * from './workshop.state';
export * from './workshop.stream';
export * from './workshop-date';
export * from './registration-counts';
export { registrationStatus, requireRegistrable } from './registration/registration.decide';
