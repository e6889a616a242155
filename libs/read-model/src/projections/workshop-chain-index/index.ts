export * from './workshop-chain-index.projection';
export * from './workshop-chain-index.view';
