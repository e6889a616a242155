export * from './workshop-chain.projection';
export * from './workshop-chain.view';
