import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyRegistry, Role } from '../auth/api-keys';
import { ApiErrors } from '../problem/api-errors';
import { RateLimitedError, type RateLimitScope } from '../problem/http-problems';
import { sendProblem, toProblem } from '../problem/problem-details.filter';

/**
 * Requests per window. `perRole` counts each API key's requests (the backoffice's budget is larger: it is the hub's staff
 * and their import scripts, and a write's cost is bounded); `anonymous` each address's requests without a key (the
 * health check, the network page, the docs); `failedAuthentication` each address's requests whose key was missing, wrong
 * or revoked; `expensive` each key's expensive reads (verification, seals, ledger, indicators, traces, replays by log
 * position, metrics, exports), which also wait in the read workers' bounded queue.
 */
export interface FairShareLimits {
  enabled: boolean;
  windowSeconds: number;
  perRole: Record<Role, number>;
  anonymous: number;
  failedAuthentication: number;
  expensive: number;
  /** KUHINA_TRUST_PROXY: `true`, or the proxies' addresses/CIDRs, comma-separated (Fastify's trustProxy); unset: the socket's address. */
  trustProxy?: boolean | string;
}

export const DEFAULT_FAIR_SHARE: FairShareLimits = {
  enabled: true,
  windowSeconds: 60,
  perRole: { backoffice: 30_000, analyst: 1_200, auditor: 1_200 },
  anonymous: 300,
  failedAuthentication: 10,
  expensive: 30,
};

/**
 * KUHINA_RATE_LIMITS (on | off), KUHINA_RATE_LIMIT_WINDOW_S, KUHINA_RATE_LIMIT_BACKOFFICE, KUHINA_RATE_LIMIT_READER (analyst
 * and auditor), KUHINA_RATE_LIMIT_ANONYMOUS, KUHINA_RATE_LIMIT_FAILED_AUTH, KUHINA_RATE_LIMIT_EXPENSIVE; see README.
 */
export function loadFairShare(env: NodeJS.ProcessEnv = process.env): FairShareLimits {
  const count = (name: string, fallback: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new Error(`${name} must be a whole number from 1 to 999999999, got "${env[name]}"`);
    return Number(text);
  };
  const switchText = (env.KUHINA_RATE_LIMITS ?? 'on').trim().toLowerCase();
  if (!['on', 'off', ''].includes(switchText)) throw new Error(`KUHINA_RATE_LIMITS must be on or off, got "${env.KUHINA_RATE_LIMITS}"`);
  const d = DEFAULT_FAIR_SHARE;
  const reader = count('KUHINA_RATE_LIMIT_READER', d.perRole.analyst);
  return {
    enabled: switchText !== 'off',
    windowSeconds: count('KUHINA_RATE_LIMIT_WINDOW_S', d.windowSeconds),
    perRole: { backoffice: count('KUHINA_RATE_LIMIT_BACKOFFICE', d.perRole.backoffice), analyst: reader, auditor: reader },
    anonymous: count('KUHINA_RATE_LIMIT_ANONYMOUS', d.anonymous),
    failedAuthentication: count('KUHINA_RATE_LIMIT_FAILED_AUTH', d.failedAuthentication),
    expensive: count('KUHINA_RATE_LIMIT_EXPENSIVE', d.expensive),
    ...trustProxyOf(env.KUHINA_TRUST_PROXY),
  };
}

function trustProxyOf(value: string | undefined): { trustProxy?: boolean | string } {
  const text = value?.trim();
  if (text === undefined || text === '' || text === 'false') return {};
  return { trustProxy: text === 'true' ? true : text };
}

/** What a route says about itself in its Fastify config (see the Public and Expensive decorators). */
export interface FairShareRouteConfig {
  public?: boolean;
  /** Always expensive, or depending on the query (a network read is expensive with a log-position cut or a file format). */
  expensive?: boolean | ((query: Record<string, unknown>) => boolean);
}

/** The routes Fastify serves itself rather than through Nest: the API docs are public. */
// The public registration form (/r/...) is for people without a key: limited per address like every keyless request.
const PUBLIC_PREFIXES = ['/docs', '/r'];

/**
 * Who is asking, from the bearer key: the principal, or why not (the same answers the AuthGuard would give).
 * A valid key is never refused for others' failures: keys are long random secrets, so counting failures per address
 * protects the server's time, not the keys, and a colleague behind the same address keeps working.
 */
export function authenticate(keys: ApiKeyRegistry, request: FastifyRequest): void | UnauthorizedException {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const found = match ? keys.authenticate(match[1]!) : null;
  if (found === null || 'revoked' in found) {
    // Saying "revoked" tells the holder nothing they could misuse, and spares them guessing at a typo.
    const message = found ? 'This API key was revoked: ask whoever runs Kuhina for a key of your own.' : 'Send a valid API key as "Authorization: Bearer <key>".';
    return new UnauthorizedException({ code: ApiErrors.UNAUTHENTICATED, message });
  }
  request.principal = found;
}

type Limiter = (request: FastifyRequest) => Promise<{ isExceeded?: boolean; ttlInSeconds?: number }>;

/**
 * Authentication and rate limits in one `onRequest` hook: before the body is read (a keyless 1 MiB upload is refused
 * from its headers) and before any route runs. Counting is @fastify/rate-limit's (fixed windows in an LRU per key or
 * address); which counter applies, and the 429 problem with `Retry-After`, is ours.
 */
export async function registerFairShare(fastify: FastifyInstance, keys: ApiKeyRegistry, limits: FairShareLimits): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    if (PUBLIC_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) route.config = { ...route.config, public: true } as typeof route.config;
  });
  await fastify.register(rateLimit, { global: false });
  const window = limits.windowSeconds * 1000;
  const limiter = (max: number | ((request: FastifyRequest) => number), keyOf: (request: FastifyRequest) => string): Limiter =>
    fastify.createRateLimit({ max: typeof max === 'number' ? max : (request) => max(request), timeWindow: window, keyGenerator: keyOf }) as Limiter;
  const byKey = limiter((request) => limits.perRole[request.principal!.role], (request) => `key:${request.principal!.name}`);
  const expensive = limiter(limits.expensive, (request) => `key:${request.principal!.name}`);
  const anonymous = limiter(limits.anonymous, (request) => `address:${request.ip}`);
  const failed = limiter(limits.failedAuthentication, (request) => `address:${request.ip}`);

  const check = async (request: FastifyRequest, counter: Limiter, scope: RateLimitScope, limit: number): Promise<void> => {
    if (!limits.enabled) return;
    const counted = await counter(request);
    if (counted.isExceeded) throw new RateLimitedError(scope, limit, limits.windowSeconds, Math.max(1, counted.ttlInSeconds ?? limits.windowSeconds));
  };

  fastify.addHook('onRequest', async (request, reply) => {
    const config = (request.routeOptions.config ?? {}) as FairShareRouteConfig;
    try {
      if (request.is404) {
        // No such route: answered from the headers too (a body sent to nowhere is never read), counted as a keyless request.
        await check(request, anonymous, 'address', limits.anonymous);
        throw new NotFoundException(`No route ${request.method} ${request.url.split('?')[0]}`);
      }
      if (config.public === true) return await check(request, anonymous, 'address', limits.anonymous);
      const refused = authenticate(keys, request);
      if (refused) {
        await check(request, failed, 'failed-authentication', limits.failedAuthentication);
        throw refused;
      }
      await check(request, byKey, 'key', limits.perRole[request.principal!.role]);
      const costly = typeof config.expensive === 'function' ? config.expensive((request.query ?? {}) as Record<string, unknown>) : config.expensive === true;
      if (costly) await check(request, expensive, 'expensive-reads', limits.expensive);
    } catch (error) {
      sendProblem(reply, toProblem(error, request));
      return reply;
    }
  });
}
