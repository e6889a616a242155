export * from './collaboration-detail.view';
export * from './collaboration-detail.projection';
