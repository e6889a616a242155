import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeyRegistry, type Principal, type Role } from './api-keys';
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
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const found = match ? this.keys.authenticate(match[1]!) : null;
    if (found === null || 'revoked' in found) {
      // Saying "revoked" tells the holder nothing they could misuse, and spares them guessing at a typo.
      const message = found ? 'This API key was revoked: ask whoever runs Kuhina for a key of your own.' : 'Send a valid API key as "Authorization: Bearer <key>".';
      throw new UnauthorizedException({ code: ApiErrors.UNAUTHENTICATED, message });
    }
    const principal = found;
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? (request.method === 'GET' || request.method === 'HEAD' ? undefined : ['backoffice']);
    if (allowed && !allowed.includes(principal.role)) {
      throw new ForbiddenException({ code: ApiErrors.FORBIDDEN, message: `The ${principal.role} role may not ${request.method} ${request.routeOptions.url ?? request.url}; it needs ${allowed.join(' or ')}.` });
    }
    return true;
  }
}
