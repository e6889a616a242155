import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyConfigError, ApiKeyRegistry, loadOrCreateApiKeyFile, parseApiKeys } from './api-keys';

describe('API keys', () => {
  it('parses name:role:key entries and authenticates each key as its name and role', () => {
    const sut = new ApiKeyRegistry(parseApiKeys('office:backoffice:office-key-0123456789, ana:analyst:ana-key-0123456789abc'));
    expect(sut.authenticate('office-key-0123456789')).toEqual({ name: 'office', role: 'backoffice' });
    expect(sut.authenticate('ana-key-0123456789abc')).toEqual({ name: 'ana', role: 'analyst' });
    expect(sut.authenticate('office-key-012345678')).toBeNull();
    expect(sut.authenticate('')).toBeNull();
  });

  it.each([
    ['office:backoffice', /name:role:key/],
    ['office:admin:office-key-0123456789', /role of "office"/],
    ['office:backoffice:short', /at least 16/],
    [' , ', /names no key/],
  ])('refuses %j with a clear message', (spec, message) => {
    expect(() => parseApiKeys(spec)).toThrow(ApiKeyConfigError);
    expect(() => parseApiKeys(spec)).toThrow(message);
  });

  describe('generated into the data folder when KUHINA_API_KEYS is unset', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kuhina-keys-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('creates one key per role in a 0600 file on first start and reuses it afterwards', () => {
      const first = loadOrCreateApiKeyFile(dir);
      const second = loadOrCreateApiKeyFile(dir);

      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(statSync(first.file).mode & 0o777).toBe(0o600);
      const stored = JSON.parse(readFileSync(first.file, 'utf8')) as { keys: Array<{ name: string; role: string; key: string }> };
      expect(stored.keys.map((k) => k.role)).toEqual(['backoffice', 'analyst', 'auditor']);
      const sut = new ApiKeyRegistry(second.keys);
      for (const k of stored.keys) expect(sut.authenticate(k.key)).toEqual({ name: k.name, role: k.role });
      expect(new Set(stored.keys.map((k) => k.key)).size).toBe(3);
    });
  });
});
