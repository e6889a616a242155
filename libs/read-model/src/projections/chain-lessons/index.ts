export * from './chain-lessons.projection';
export * from './chain-lessons.view';
