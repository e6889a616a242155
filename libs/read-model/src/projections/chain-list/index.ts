export * from './chain-list.projection';
export * from './chain-list.view';
