export * from './person-detail.view';
export * from './person-detail.projection';
