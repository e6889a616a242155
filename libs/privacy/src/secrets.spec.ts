import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidSecretError } from './privacy.errors';
import { loadOrCreateSecrets, pseudonym } from './secrets';

const posix = process.platform !== 'win32';
const b64 = (bytes: number): string => randomBytes(bytes).toString('base64');

describe('loadOrCreateSecrets', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kuhina-secrets-'));
    dataDir = join(root, 'nested', 'data');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder and secrets.json with three distinct 32-byte keys', () => {
    const sut = loadOrCreateSecrets(dataDir, {});

    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);
    for (const key of [sut.masterKey, sut.blindIndexKey, sut.pseudonymKey]) expect(key).toHaveLength(32);
    expect(new Set([sut.masterKey, sut.blindIndexKey, sut.pseudonymKey].map((k) => k.toString('hex'))).size).toBe(3);
  });

  (posix ? it : it.skip)('creates the file with mode 0600, whatever the umask', () => {
    const previous = process.umask(0o000);
    try {
      loadOrCreateSecrets(dataDir, {});
    } finally {
      process.umask(previous);
    }

    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('writes to the file what it returns, and re-uses it on the next load', () => {
    const first = loadOrCreateSecrets(dataDir, {});
    const stored = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));

    const second = loadOrCreateSecrets(dataDir, {});

    expect(Buffer.from(stored.masterKey, 'base64')).toEqual(first.masterKey);
    expect(second).toEqual(first);
  });

  it('leaves no temporary file behind', () => {
    loadOrCreateSecrets(dataDir, {});

    expect(readdirSync(dataDir)).toEqual(['secrets.json']);
  });

  it('takes all three from the environment when set, and then writes no file', () => {
    const env = { KUHINA_MASTER_KEY: b64(32), KUHINA_BLIND_INDEX_KEY: b64(32), KUHINA_PSEUDONYM_KEY: b64(32) };

    const sut = loadOrCreateSecrets(dataDir, env);

    expect(sut.masterKey.toString('base64')).toBe(env.KUHINA_MASTER_KEY);
    expect(sut.blindIndexKey.toString('base64')).toBe(env.KUHINA_BLIND_INDEX_KEY);
    expect(sut.pseudonymKey.toString('base64')).toBe(env.KUHINA_PSEUDONYM_KEY);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('lets a set variable take precedence over the file, key by key', () => {
    const fromFile = loadOrCreateSecrets(dataDir, {});
    const master = b64(32);

    const sut = loadOrCreateSecrets(dataDir, { KUHINA_MASTER_KEY: master });

    expect(sut.masterKey.toString('base64')).toBe(master);
    expect(sut.blindIndexKey).toEqual(fromFile.blindIndexKey);
    expect(sut.pseudonymKey).toEqual(fromFile.pseudonymKey);
  });

  it.each([
    ['16 bytes', b64(16), /KUHINA_BLIND_INDEX_KEY must be 32 bytes.*decodes to 16 bytes/],
    ['33 bytes', b64(33), /decodes to 33 bytes/],
    ['not base64', 'not base64 at all!', /KUHINA_BLIND_INDEX_KEY .*not valid base64/],
    ['empty', '', /KUHINA_BLIND_INDEX_KEY is set but empty/],
  ])('rejects a variable of %s with a clear message that does not echo it', (_case, value, message) => {
    const attempt = () => loadOrCreateSecrets(dataDir, { KUHINA_BLIND_INDEX_KEY: value });

    expect(attempt).toThrow(InvalidSecretError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      if (value !== '') expect((error as Error).message).not.toContain(value);
    }
  });

  it('rejects a secrets file with a key of the wrong length, naming the field', () => {
    loadOrCreateSecrets(dataDir, {});
    const file = join(dataDir, 'secrets.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, pseudonymKey: b64(8) }), { mode: 0o600 });

    expect(() => loadOrCreateSecrets(dataDir, {})).toThrow(/"pseudonymKey" in .*secrets\.json must be 32 bytes/);
  });

  it('rejects a secrets file that is not JSON', () => {
    loadOrCreateSecrets(dataDir, {});
    writeFileSync(join(dataDir, 'secrets.json'), '{ broken', { mode: 0o600 });

    expect(() => loadOrCreateSecrets(dataDir, {})).toThrow(/secrets\.json is not valid JSON/);
  });

  (posix ? it : it.skip)('refuses a secrets file that other users can read', () => {
    loadOrCreateSecrets(dataDir, {});
    chmodSync(join(dataDir, 'secrets.json'), 0o644);

    expect(() => loadOrCreateSecrets(dataDir, {})).toThrow(/accessible to other users \(mode 0644\)/);
  });
});

describe('pseudonym', () => {
  const key = randomBytes(32);

  it('is p- and the first 16 hex digits of HMAC-SHA256 over "person:" + the id', () => {
    const expected = createHmac('sha256', key).update('person:2f1c0e3a-7b7d-4a51-9d0e-1f2a3b4c5d6e').digest('hex').slice(0, 16);

    const sut = pseudonym('2f1c0e3a-7b7d-4a51-9d0e-1f2a3b4c5d6e', key);

    expect(sut).toBe(`p-${expected}`);
    expect(sut).toMatch(/^p-[0-9a-f]{16}$/);
  });

  it('is stable for the same person and key', () => {
    expect(pseudonym('person-1', key)).toBe(pseudonym('person-1', Buffer.from(key)));
  });

  it('differs between persons and between keys', () => {
    expect(pseudonym('person-1', key)).not.toBe(pseudonym('person-2', key));
    expect(pseudonym('person-1', key)).not.toBe(pseudonym('person-1', randomBytes(32)));
  });

  it('refuses a short key', () => {
    expect(() => pseudonym('person-1', randomBytes(8))).toThrow(InvalidSecretError);
  });
});
