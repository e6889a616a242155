import { adviceFor, ApiProblem, forgetKey, getJson, KEY_STORAGE_ITEM, networkRequestOf, problemFrom, saveKey, storedKey, SWAGGER_STORAGE_ITEM, type Fetch, type KeyStorage } from './network-api.client';

const storage = (items: Record<string, string> = {}): KeyStorage & { items: Map<string, string> } => {
  const map = new Map(Object.entries(items));
  return { items: map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};
// What Swagger UI (persistAuthorization) writes after "Authorize" with the bearer scheme of /docs.
const swaggerAuthorized = (value: string, name = 'bearer') => JSON.stringify({ [name]: { name, schema: { type: 'http', scheme: 'bearer' }, value } });

describe('network page API client', () => {
  describe('the key', () => {
    it('uses the key authorised on the docs page when the page has none of its own', () => {
      const sut = storedKey(storage({ [SWAGGER_STORAGE_ITEM]: swaggerAuthorized('docs-key-0123456789') }));

      expect(sut).toEqual({ key: 'docs-key-0123456789', source: 'docs' });
    });

    it('finds a renamed bearer scheme and strips a pasted "Bearer " prefix', () => {
      expect(storedKey(storage({ [SWAGGER_STORAGE_ITEM]: swaggerAuthorized('Bearer docs-key-0123456789', 'apiKey') }))?.key).toBe('docs-key-0123456789');
    });

    it('prefers the key typed on the page; forgetting forgets the docs key as well, so no key is left in the browser', () => {
      const sut = storage({ [SWAGGER_STORAGE_ITEM]: swaggerAuthorized('docs-key-0123456789'), unrelated: 'kept' });

      saveKey(sut, '  page-key-0123456789 ');
      expect(sut.items.get(KEY_STORAGE_ITEM)).toBe('page-key-0123456789');
      expect(storedKey(sut)).toEqual({ key: 'page-key-0123456789', source: 'page' });

      forgetKey(sut);
      expect(storedKey(sut)).toBeNull();
      expect([...sut.items.keys()]).toEqual(['unrelated']);
    });

    it.each([['not json'], ['null'], [JSON.stringify({ bearer: { value: '' } })], [JSON.stringify({ other: { schema: { scheme: 'basic' }, value: 'x' } })]])('has no key when the docs item is %s', (raw) => {
      expect(storedKey(storage({ [SWAGGER_STORAGE_ITEM]: raw }))).toBeNull();
    });
  });

  describe('problems', () => {
    it('reads title, detail and code from an RFC 9457 answer', () => {
      const sut = problemFrom(403, 'application/problem+json; charset=utf-8', JSON.stringify({ title: 'Forbidden', detail: 'The analyst role may not GET /x', code: 'AUTH.FORBIDDEN', status: 403 }));

      expect(sut).toEqual(expect.objectContaining({ status: 403, title: 'Forbidden', detail: 'The analyst role may not GET /x', code: 'AUTH.FORBIDDEN' }));
      expect(adviceFor(sut)).toMatch(/analyst, auditor or backoffice/);
    });

    it('still says something useful when the answer is not a problem (a proxy page)', () => {
      const sut = problemFrom(502, 'text/html', '<h1>Bad gateway</h1>');

      expect(sut).toEqual(expect.objectContaining({ status: 502, title: 'HTTP 502', detail: '<h1>Bad gateway</h1>', code: null }));
      expect(adviceFor(sut)).toBeNull();
    });

    it('sends the key as a bearer token and throws the problem of a refusal', async () => {
      const seen: Array<Record<string, string>> = [];
      const refusing: Fetch = async (_url, init) => {
        seen.push(init.headers);
        return { ok: false, status: 401, headers: { get: () => 'application/problem+json' }, text: async () => JSON.stringify({ title: 'Unauthenticated', detail: 'Send a valid API key' }) };
      };

      const error = await getJson(refusing, '/network?chainId=x', 'wrong-key').catch((e: unknown) => e);

      expect(seen[0]!.authorization).toBe('Bearer wrong-key');
      expect(error).toBeInstanceOf(ApiProblem);
      expect((error as ApiProblem).status).toBe(401);
      expect(adviceFor(error as ApiProblem)).toMatch(/valid API key/);
    });
  });
});

describe('networkRequestOf', () => {
  const A = 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93';
  const B = '55df6359-63ba-8769-a54d-07d9099eaaa6';

  it('reads one chain, several (each once) and all, as the API takes them; all asks for people for the person view', () => {
    expect(networkRequestOf(`?chainId=${A}`)).toEqual({ kind: 'network', chainIds: [A], all: false, path: `network?chainId=${A}` });
    expect(networkRequestOf(`?chainId=${A}&chainId=${B}&chainId=${A}`)).toEqual({ kind: 'network', chainIds: [A, B], all: false, path: `network?chainId=${A}&chainId=${B}` });
    expect(networkRequestOf('?scope=all')).toEqual({ kind: 'network', chainIds: [], all: true, path: 'network?scope=all&people=true' });
  });

  it('offers the chains when the address names none, and names a chain id that is none', () => {
    expect(networkRequestOf('')).toEqual({ kind: 'pick' });
    expect(networkRequestOf(`?chainId=${A}&chainId=x%3Cscript%3E`)).toEqual({ kind: 'invalid', value: 'x<script>' });
  });
});
