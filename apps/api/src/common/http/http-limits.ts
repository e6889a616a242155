import { ConfigError } from '@kuhina/application';

/**
 * How long the HTTP server waits for clients, and how long a shutdown waits for running requests. Without these a
 * client that sends headers and never the body it announced holds a connection (and a shutdown) open forever.
 */
export interface HttpLimits {
  /** All request headers must arrive within this (Node's `headersTimeout`), else 408. */
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this (`requestTimeout`), else 408. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (`keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way for this long is destroyed (`connectionTimeout`); longer than any answer takes. */
  connectionTimeoutMs: number;
  /** On SIGTERM/SIGINT running requests get this long to finish; then the remaining connections are cut. */
  shutdownGraceMs: number;
}

export const HTTP_LIMIT_ENV = {
  headersTimeoutMs: ['KUHINA_HEADERS_TIMEOUT_MS', 10_000],
  requestTimeoutMs: ['KUHINA_REQUEST_TIMEOUT_MS', 30_000],
  keepAliveTimeoutMs: ['KUHINA_KEEP_ALIVE_TIMEOUT_MS', 5_000],
  connectionTimeoutMs: ['KUHINA_CONNECTION_TIMEOUT_MS', 120_000],
  shutdownGraceMs: ['KUHINA_SHUTDOWN_GRACE_MS', 10_000],
} as const satisfies Record<keyof HttpLimits, readonly [string, number]>;

const MAX_MS = 3_600_000;

export function loadHttpLimits(env: NodeJS.ProcessEnv = process.env): HttpLimits {
  const read = (key: keyof HttpLimits): number => {
    const [name, fallback] = HTTP_LIMIT_ENV[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    // Zero would mean "no limit" to Node: exactly what these settings exist to prevent.
    if (!/^\d+$/.test(raw) || value < 100 || value > MAX_MS) throw new ConfigError(`${name} must be a whole number of milliseconds between 100 and ${MAX_MS}, not "${raw}"`);
    return value;
  };
  const limits: HttpLimits = {
    headersTimeoutMs: read('headersTimeoutMs'),
    requestTimeoutMs: read('requestTimeoutMs'),
    keepAliveTimeoutMs: read('keepAliveTimeoutMs'),
    connectionTimeoutMs: read('connectionTimeoutMs'),
    shutdownGraceMs: read('shutdownGraceMs'),
  };
  // Node refuses to start with headersTimeout above requestTimeout; say which settings clash instead.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new ConfigError(`KUHINA_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed KUHINA_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`);
  return limits;
}

/** How often Node looks for requests past their header/request timeout (its default, 30 s, would let a short timeout run long). */
export const timeoutCheckInterval = (limits: HttpLimits): number => Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)));
