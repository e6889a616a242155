export const ROLES = ['backoffice', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
