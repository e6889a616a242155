export * from './organization-profile.projection';
export * from './organization-profile.view';
