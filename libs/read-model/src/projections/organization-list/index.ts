export * from './organization-list.projection';
export * from './organization-list.view';
