import { applyDecorators, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Role } from './api-keys';
import type { FairShareRouteConfig } from '../http/fair-share';

export const ROLES_KEY = 'kuhina:roles';
export const PUBLIC_KEY = 'kuhina:public';

/** Who may call this route. Default: reads for every role, writes for `backoffice` only. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * No key needed (health, the network page). On each route, not on a controller: the route's Fastify config tells the
 * onRequest hook (fair-share.ts) not to ask for a key, and Nest passes a handler's config only.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), RouteConfig({ public: true } satisfies FairShareRouteConfig));

/** Counts against the key's budget of expensive reads (see FairShareLimits), always or depending on the query. */
export const Expensive = (when: FairShareRouteConfig['expensive'] = true) => RouteConfig({ expensive: when } satisfies FairShareRouteConfig);
