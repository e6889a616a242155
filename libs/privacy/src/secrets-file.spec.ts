import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidSecretError } from './privacy.errors';
import { describeSecretsOrigin, loadOrCreateSecrets, loadSecrets } from './secrets';

const posix = process.platform !== 'win32';
const b64 = (): string => randomBytes(32).toString('base64');

/** Issue 16, point 5: the keys apart from the data they protect (KUHINA_SECRETS_FILE). */
describe('KUHINA_SECRETS_FILE', () => {
  let root: string;
  let dataDir: string;
  let keysDir: string;
  const keys = { masterKey: b64(), blindIndexKey: b64(), pseudonymKey: b64() };

  const writeKeys = (file: string, mode = 0o600): string => {
    writeFileSync(file, JSON.stringify(keys), { mode });
    chmodSync(file, mode);
    return file;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kuhina-secrets-file-'));
    dataDir = join(root, 'data');
    keysDir = join(root, 'keys');
    mkdirSync(dataDir, { mode: 0o700 });
    mkdirSync(keysDir, { mode: 0o700 });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the three keys from the file and writes no secrets.json into the data folder', () => {
    const file = writeKeys(join(keysDir, 'kuhina.json'));

    const sut = loadSecrets({ dataDir, secretsFile: file }, {});

    expect(sut.secrets.masterKey.toString('base64')).toBe(keys.masterKey);
    expect(sut.secrets.blindIndexKey.toString('base64')).toBe(keys.blindIndexKey);
    expect(sut.secrets.pseudonymKey.toString('base64')).toBe(keys.pseudonymKey);
    expect(sut.origin).toEqual({ kind: 'secrets-file', file, strayFile: undefined });
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('is read from the environment by loadOrCreateSecrets, and a set key variable still wins key by key', () => {
    const file = writeKeys(join(keysDir, 'kuhina.json'));
    const master = b64();

    const sut = loadOrCreateSecrets(dataDir, { KUHINA_SECRETS_FILE: file, KUHINA_MASTER_KEY: master });

    expect(sut.masterKey.toString('base64')).toBe(master);
    expect(sut.pseudonymKey.toString('base64')).toBe(keys.pseudonymKey);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('refuses a file inside the data folder, also through a nested folder or a link', () => {
    const inside = writeKeys(join(dataDir, 'secrets.json'));
    mkdirSync(join(dataDir, 'sub'));
    const nested = writeKeys(join(dataDir, 'sub', 'k.json'));
    const link = join(keysDir, 'link.json');
    symlinkSync(inside, link);

    for (const file of [inside, nested, link]) {
      expect(() => loadSecrets({ dataDir, secretsFile: file }, {})).toThrow(InvalidSecretError);
      expect(() => loadSecrets({ dataDir, secretsFile: file }, {})).toThrow(/lies inside the data folder/);
    }
  });

  (posix ? it : it.skip)('refuses a file the group or others may read, saying how to fix it', () => {
    const file = writeKeys(join(keysDir, 'kuhina.json'), 0o640);

    expect(() => loadSecrets({ dataDir, secretsFile: file }, {})).toThrow(`KUHINA_SECRETS_FILE ${file} is accessible to other users (mode 0640); restrict it with: chmod 600 ${file}`);
  });

  it('refuses a missing file rather than generating keys that would not open the data', () => {
    const file = join(keysDir, 'missing.json');

    expect(() => loadSecrets({ dataDir, secretsFile: file }, {})).toThrow(`KUHINA_SECRETS_FILE ${file} cannot be read (ENOENT)`);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('notes a secrets.json left in the data folder, which a copy of the folder still carries', () => {
    const file = writeKeys(join(keysDir, 'kuhina.json'));
    writeKeys(join(dataDir, 'secrets.json'));

    const sut = loadSecrets({ dataDir, secretsFile: file }, {});

    expect(sut.origin).toEqual({ kind: 'secrets-file', file, strayFile: join(dataDir, 'secrets.json') });
    expect(describeSecretsOrigin(sut.origin).join('\n')).toContain(`WARNING: ${join(dataDir, 'secrets.json')} is still beside the data`);
  });
});

describe('describeSecretsOrigin (the start-up banner)', () => {
  it('says plainly when it generated the keys beside the data, and what to do in production', () => {
    const sut = describeSecretsOrigin({ kind: 'data-folder', file: '/srv/data/secrets.json', generated: true });

    expect(sut).toEqual([
      'WARNING: Generated secrets into /srv/data/secrets.json beside the data: anyone with a copy of this folder can decrypt personal data. In production set KUHINA_SECRETS_FILE (outside the data folder) or KUHINA_MASTER_KEY, KUHINA_BLIND_INDEX_KEY, KUHINA_PSEUDONYM_KEY; see README, Security.',
    ]);
  });

  it('warns on every start while the keys stay beside the data', () => {
    expect(describeSecretsOrigin({ kind: 'data-folder', file: '/srv/data/secrets.json', generated: false })[0]).toMatch(
      /^WARNING: Secrets are read from \/srv\/data\/secrets.json beside the data: anyone with a copy of this folder can decrypt personal data/,
    );
  });

  it('has no warning when the keys come from a secrets file or the environment', () => {
    expect(describeSecretsOrigin({ kind: 'secrets-file', file: '/run/secrets/kuhina' })).toEqual(['/run/secrets/kuhina (KUHINA_SECRETS_FILE), apart from the data']);
    expect(describeSecretsOrigin({ kind: 'environment' }).join('\n')).not.toContain('WARNING');
  });
});
