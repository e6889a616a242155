export * from './workshop-registrations.view';
export * from './workshop-registrations.projection';
