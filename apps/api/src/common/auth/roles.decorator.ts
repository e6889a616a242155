import { SetMetadata } from '@nestjs/common';
import type { Role } from './api-keys';

export const ROLES_KEY = 'kuhina:roles';
export const PUBLIC_KEY = 'kuhina:public';

/** Who may call this route. Default: reads for every role, writes for `backoffice` only. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** No key needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
