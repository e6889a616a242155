import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyConfigError, ApiKeyRegistry, parseApiKeys, UserFileKeys } from './api-keys';
import { ApiUserFile, ApiUserFileError } from './api-users';

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
    ['ana:analyst:ana-key-0123456789abc,ANA:auditor:other-key-0123456789', /"ANA" is given more than once/],
  ])('refuses %j with a clear message', (spec, message) => {
    expect(() => parseApiKeys(spec)).toThrow(ApiKeyConfigError);
    expect(() => parseApiKeys(spec)).toThrow(message);
  });

  describe('with the named users of the data folder', () => {
    let dir: string;
    let now: number;
    let file: ApiUserFile;
    const at = new Date('2026-11-27T08:00:00.000Z');
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kuhina-keys-'));
      file = new ApiUserFile(dir);
      now = 1_000_000;
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const users = (options: ConstructorParameters<typeof UserFileKeys>[1] = {}) => new UserFileKeys(file, { intervalMs: 1000, clock: () => now, ...options });

    it('accepts both the KUHINA_API_KEYS keys and the users, each as its own name', () => {
      const { key } = file.add('Maija Virtanen', 'backoffice', at);
      const sut = new ApiKeyRegistry(parseApiKeys('office:backoffice:office-key-0123456789'), users());

      expect(sut.authenticate(key)).toEqual({ name: 'Maija Virtanen', role: 'backoffice' });
      expect(sut.authenticate('office-key-0123456789')).toEqual({ name: 'office', role: 'backoffice' });
    });

    it('sees a user added and a key revoked by another process once the interval has passed, not before', () => {
      const sut = new ApiKeyRegistry([], users());
      const { key } = file.add('maija', 'auditor', at);

      expect(sut.authenticate(key)).toBeNull();
      now += 999;
      expect(sut.authenticate(key)).toBeNull();
      now += 1;
      expect(sut.authenticate(key)).toEqual({ name: 'maija', role: 'auditor' });

      file.revoke('maija', at);
      now += 500;
      expect(sut.authenticate(key)).toEqual({ name: 'maija', role: 'auditor' });
      now += 500;
      expect(sut.authenticate(key)).toEqual({ revoked: true });
    });

    it('leaves out a user whose name KUHINA_API_KEYS gives too, and says so', () => {
      const { key } = file.add('Office', 'backoffice', at);
      const problems: string[] = [];
      const sut = new ApiKeyRegistry(parseApiKeys('office:analyst:office-key-0123456789'), users({ reservedNames: ['office'], onProblem: (message) => problems.push(message) }));

      expect(sut.authenticate(key)).toBeNull();
      expect(sut.authenticate('office-key-0123456789')).toEqual({ name: 'office', role: 'analyst' });
      expect(problems).toEqual([expect.stringContaining('"Office"')]);
    });

    it('refuses to start on a damaged user file, and accepts none of its keys when it gets damaged later', () => {
      writeFileSync(file.file, '{"users": [{"name": "x"}]}');
      expect(() => users()).toThrow(ApiUserFileError);

      rmSync(file.file);
      const { key } = file.add('maija', 'backoffice', at);
      const problems: string[] = [];
      const sut = new ApiKeyRegistry([], users({ onProblem: (message) => problems.push(message) }));
      expect(sut.authenticate(key)).toEqual({ name: 'maija', role: 'backoffice' });

      writeFileSync(file.file, 'not json');
      now += 1000;
      expect(sut.authenticate(key)).toBeNull();
      expect(problems).toEqual([expect.stringMatching(/not JSON.*none of its keys is accepted/)]);
    });
  });
});
