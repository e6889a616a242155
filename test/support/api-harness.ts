import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { loadConfig, loadDemoIfEmpty } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { createApp } from '../../apps/api/src/create-app';
import { loadFairShare } from '../../apps/api/src/common/http/fair-share';
import { loadReadWorkerSettings } from '../../apps/api/src/common/read-workers/read-workers';

export const KEYS = {
  backoffice: 'office-key-0123456789abcdef',
  analyst: 'analyst-key-0123456789abcdef',
  auditor: 'auditor-key-0123456789abcdef',
} as const;
export type Role = keyof typeof KEYS;

/** What every write answers. */
export type Written = { id: string; position: string };
/** An RFC 9457 problem as this API writes it. */
export type Problem = { code: string; errors?: Array<{ field: string; rule: string }> };

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

/**
 * The real app (all modules, real embedded stores) in a temporary data folder, driven in-process
 * through Fastify's inject: the whole HTTP stack without a port. `restart()` re-opens the same folder.
 */
export async function apiHarness(options: { demo?: boolean; env?: Record<string, string> } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuhina-e2e-'));
  const config = loadConfig({
    KUHINA_DATA_DIR: dataDir,
    KUHINA_DEMO: options.demo ? '1' : '0',
    KUHINA_API_KEYS: `office:backoffice:${KEYS.backoffice},ana:analyst:${KEYS.analyst},audit:auditor:${KEYS.auditor}`,
    ...options.env,
  });
  let app: NestFastifyApplication = await start();

  async function start(): Promise<NestFastifyApplication> {
    // Rate limits off unless a test turns them on (most tests send hundreds of requests with one key from one address);
    // expensive reads on real worker threads, as in production.
    const env = { KUHINA_RATE_LIMITS: 'off', ...options.env };
    const created = await createApp(config, { logLevel: 'silent', fairShare: loadFairShare(env), readWorkers: loadReadWorkerSettings(env) });
    await created.init();
    await created.getHttpAdapter().getInstance().ready();
    await loadDemoIfEmpty(created, config, created.get(CommandBus), () => undefined);
    return created;
  }

  async function request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: { body?: unknown; rawBody?: string; as?: Role | null; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer<T>> {
    const role = options.as === undefined ? 'backoffice' : options.as;
    const headers: Record<string, string> = { ...(role ? { authorization: `Bearer ${KEYS[role]}` } : {}), ...options.headers };
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await app.inject({ method, url, headers, payload });
    const text = response.body;
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. the docs page)
    }
    return { status: response.statusCode, headers: response.headers, body: body as T };
  }

  return {
    dataDir,
    get app() {
      return app;
    },
    get: <T = unknown>(url: string, options?: Parameters<typeof request>[2]) => request<T>('GET', url, options),
    post: <T = unknown>(url: string, body?: unknown, options?: Parameters<typeof request>[2]) => request<T>('POST', url, { ...options, body }),
    request,
    newKey: () => randomUUID(),
    /** The log head as /health reports it: equal before and after a refused request means nothing was appended. */
    headPosition: async (): Promise<string> => String((await request<{ details: { eventStore: { headPosition: string | null } } }>('GET', '/health', { as: null })).body.details.eventStore.headPosition),
    store: (): EventStore => app.get<symbol, EventStore>(EVENT_STORE),
    async restart(): Promise<void> {
      await app.close();
      app = await start();
    },
    async close(): Promise<void> {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;
