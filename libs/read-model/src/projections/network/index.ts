export * from './network.view';
export * from './network.projection';
export * from './network-assembly';
export * from './network-dates';
export * from './collaboration-workshop-index.view';
export * from './collaboration-workshop-index.projection';
export * from './network-documents';
