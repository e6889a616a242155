export * from './staff.commands';
export * from './staff.decider';
export * from './staff.errors';
export * from './staff.events';
export * from './staff.state';
export * from './staff.stream';
export * from './staff-hours';
