import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeyRegistry, type Principal, type Role } from './api-keys';
import { authenticate } from '../http/fair-share';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { ApiErrors } from '../problem/api-errors';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The onRequest hook (fair-share.ts) has authenticated already, before the body was read; this covers a module
    // that runs without it (a test's bare Nest app).
    if (!request.principal) {
      const refused = authenticate(this.keys, request);
      if (refused) throw refused;
    }
    const principal = request.principal!;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? (request.method === 'GET' || request.method === 'HEAD' ? undefined : ['backoffice']);
    if (allowed && !allowed.includes(principal.role)) {
      throw new ForbiddenException({ code: ApiErrors.FORBIDDEN, message: `The ${principal.role} role may not ${request.method} ${request.routeOptions.url ?? request.url}; it needs ${allowed.join(' or ')}.` });
    }
    return true;
  }
}
