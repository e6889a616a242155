// The page's side of the HTTP API: where the key is kept, how calls are made, how problems read.

/** Where this page keeps the key the user typed (the same browser storage the docs page uses). */
export const KEY_STORAGE_ITEM = 'kuhina.apiKey';
/** Swagger UI's own item when `persistAuthorization` is on: `{ <scheme>: { name, schema, value } }`. */
export const SWAGGER_STORAGE_ITEM = 'authorized';

/** The part of `Storage` the page needs (localStorage in the browser; a Map in tests). */
export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredKey {
  key: string;
  /** Where it came from, shown to the user so that a stale docs-page key is not a mystery. */
  source: 'page' | 'docs';
}

/** The page's own key first (the user's latest choice here), else the bearer key authorised on the docs page. */
export function storedKey(storage: KeyStorage): StoredKey | null {
  const own = storage.getItem(KEY_STORAGE_ITEM)?.trim();
  if (own) return { key: own, source: 'page' };
  const swagger = swaggerBearer(storage.getItem(SWAGGER_STORAGE_ITEM));
  return swagger ? { key: swagger, source: 'docs' } : null;
}

function swaggerBearer(raw: string | null): string | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null; // someone else's garbage in the item: behave as if there were no key
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const schemes = parsed as Record<string, { value?: unknown; schema?: { scheme?: unknown } } | undefined>;
  // `addBearerAuth()` names the scheme "bearer"; accept any http-bearer scheme in case it is renamed.
  const candidates = [schemes.bearer, ...Object.values(schemes).filter((s) => String(s?.schema?.scheme ?? '').toLowerCase() === 'bearer')];
  for (const scheme of candidates) {
    const value = scheme?.value;
    if (typeof value === 'string' && value.trim() !== '') return value.trim().replace(/^Bearer\s+/i, '');
  }
  return null;
}

export function saveKey(storage: KeyStorage, key: string): void {
  storage.setItem(KEY_STORAGE_ITEM, key.trim());
}

/** Forgets the key in this browser wherever the page finds one: its own, and the one the API docs page keeps. */
export function forgetKey(storage: KeyStorage): void {
  storage.removeItem(KEY_STORAGE_ITEM);
  if (swaggerBearer(storage.getItem(SWAGGER_STORAGE_ITEM))) storage.removeItem(SWAGGER_STORAGE_ITEM);
}

/** A refused call, as the API's RFC 9457 problem (or as much of it as the answer had). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code: string | null,
  ) {
    super(`${status} ${title}: ${detail}`);
    this.name = 'ApiProblem';
  }
}

/** Reads a failed answer: problem+json when the API wrote it, a plain status line otherwise (a proxy, a crash). */
export function problemFrom(status: number, contentType: string | null, body: string): ApiProblem {
  if (contentType && /json/i.test(contentType)) {
    try {
      const problem = JSON.parse(body) as { title?: unknown; detail?: unknown; code?: unknown };
      return new ApiProblem(
        status,
        typeof problem.title === 'string' ? problem.title : `HTTP ${status}`,
        typeof problem.detail === 'string' ? problem.detail : '',
        typeof problem.code === 'string' ? problem.code : null,
      );
    } catch {
      // fall through: not the JSON it claimed to be
    }
  }
  return new ApiProblem(status, `HTTP ${status}`, body.slice(0, 300), null);
}

/** What the page tells the user beyond the problem itself: how to get past a 401 or 403. */
export function adviceFor(problem: ApiProblem): string | null {
  if (problem.status === 401) return 'Enter a valid API key above (the same key the docs page at /docs uses).';
  if (problem.status === 403) return 'This key\u2019s role may not read this; use an analyst, auditor or backoffice key.';
  return null;
}

export type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** GET a JSON answer with the key as a bearer token; a refusal throws an ApiProblem. */
export async function getJson<T>(fetchFn: Fetch, url: string, key: string): Promise<T> {
  const response = await fetchFn(url, { headers: { accept: 'application/json', authorization: `Bearer ${key}` } });
  const text = await response.text();
  if (!response.ok) throw problemFrom(response.status, response.headers.get('content-type'), text);
  return JSON.parse(text) as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the page's address asks for: a chain to pick, a chain id that is none, or the network of one chain, several or all. */
export type NetworkRequest =
  | { kind: 'pick' }
  | { kind: 'invalid'; value: string }
  | { kind: 'network'; chainIds: string[]; all: boolean; path: string };

/**
 * Reads the page's query as the API does: `chainId` (repeat it for several chains) or `scope=all`. Every chain asks for
 * people too (`scope=all` leaves them out by default): the person view shows them, the organisation view folds them.
 */
export function networkRequestOf(search: string): NetworkRequest {
  const params = new URLSearchParams(search);
  const all = params.get('scope') === 'all';
  const chainIds = [...new Set(params.getAll('chainId'))];
  if (!all && chainIds.length === 0) return { kind: 'pick' };
  const invalid = chainIds.find((id) => !UUID.test(id));
  if (invalid !== undefined) return { kind: 'invalid', value: invalid };
  const path = all ? 'network?scope=all&people=true' : `network?${chainIds.map((id) => `chainId=${encodeURIComponent(id)}`).join('&')}`;
  return { kind: 'network', chainIds: all ? [] : chainIds, all, path };
}
