export * from './workshop-detail.view';
export * from './workshop-detail.projection';
