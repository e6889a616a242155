export * from './workshop-feedback.view';
export * from './workshop-feedback.projection';
