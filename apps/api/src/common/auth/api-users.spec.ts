import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_USERS_FILE, ApiUserError, ApiUserFile, keyDigest, LEGACY_API_KEYS_FILE, nameProblem } from './api-users';

describe('the API user file', () => {
  let dir: string;
  let sut: ApiUserFile;
  const at = new Date('2026-11-27T08:00:00.000Z');
  const later = new Date('2026-11-28T09:30:00.000Z');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-users-'));
    sut = new ApiUserFile(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const stored = (): string => readFileSync(join(dir, API_USERS_FILE), 'utf8');

  it('adds named users with a role, and keeps only the SHA-256 digest of each key, in a 0600 file', () => {
    const maija = sut.add('Maija Virtanen', 'backoffice', at);
    const aapo = sut.add('aapo.k', 'auditor', later);

    expect(maija.key).toMatch(/^kuhina_[A-Za-z0-9_-]{43}$/);
    expect(maija.key).not.toBe(aapo.key);
    expect(sut.read()).toEqual([
      { name: 'Maija Virtanen', role: 'backoffice', keyDigest: keyDigest(maija.key), createdAt: at.toISOString(), revokedAt: null },
      { name: 'aapo.k', role: 'auditor', keyDigest: keyDigest(aapo.key), createdAt: later.toISOString(), revokedAt: null },
    ]);
    expect(stored()).not.toContain(maija.key);
    expect(stored()).not.toContain(maija.key.slice('kuhina_'.length));
    expect(statSync(sut.file).mode & 0o777).toBe(0o600);
    // Written whole and renamed into place: no temporary file or lock stays behind.
    expect(readdirSync(dir)).toEqual([API_USERS_FILE]);
  });

  it.each([
    ['', /1–100 characters/],
    ['x'.repeat(101), /1–100 characters/],
    ['tab\there', /control or invisible/],
    ['new\nline', /control or invisible/],
    ['bidi\u202eevil', /control or invisible/],
    ['zero\u200bwidth', /control or invisible/],
    [' padded', /begin or end with a space/],
    ['Backoffice', /names a role/],
    ['seed', /what Kuhina itself records/],
    ['retention', /what Kuhina itself records/],
  ])('refuses the name %j', (name, message) => {
    expect(() => sut.add(name, 'analyst', at)).toThrow(ApiUserError);
    expect(() => sut.add(name, 'analyst', at)).toThrow(message);
    expect(existsSync(sut.file)).toBe(false);
  });

  it('takes a hundred characters of any script, and refuses a name taken in another case or Unicode form — revoked ones too', () => {
    expect(nameProblem('Ä'.repeat(100), true)).toBeNull();
    expect(nameProblem('Сергей Иванов', true)).toBeNull();
    sut.add('Mäki', 'analyst', at);
    sut.revoke('Mäki', at);

    expect(() => sut.add('MA\u0308KI', 'backoffice', later)).toThrow(/already a user named "Mäki" \(analyst, revoked/);
    expect(() => sut.add('mäki', 'backoffice', later)).toThrow(ApiUserError);
    expect(sut.read()).toHaveLength(1);
  });

  it('revokes a user by name (in any case), keeps them listed, and revokes twice without harm', () => {
    const { key } = sut.add('Maija', 'backoffice', at);

    const first = sut.revoke('maija', later);
    const second = sut.revoke('MAIJA', new Date('2027-01-01T00:00:00.000Z'));

    expect(first).toEqual({ user: expect.objectContaining({ name: 'Maija', revokedAt: later.toISOString() }), alreadyRevoked: false });
    expect(second).toEqual({ user: expect.objectContaining({ revokedAt: later.toISOString() }), alreadyRevoked: true });
    expect(sut.read()).toEqual([{ name: 'Maija', role: 'backoffice', keyDigest: keyDigest(key), createdAt: at.toISOString(), revokedAt: later.toISOString() }]);
  });

  it('refuses to revoke an unknown name, and creates no file for it', () => {
    expect(() => sut.revoke('nobody', at)).toThrow(/no API user named "nobody"/);
    expect(existsSync(sut.file)).toBe(false);
    sut.add('somebody', 'analyst', at);
    expect(() => sut.revoke('nobody', at)).toThrow(ApiUserError);
  });

  it('waits for a writer of another process holding the lock, then adds on top of what it wrote', () => {
    sut.add('first', 'analyst', at);
    const lock = `${sut.file}.lock`;
    writeFileSync(lock, '');
    // Another process holds the lock, adds a user, and releases the lock 300 ms later.
    const meanwhile = { users: [...sut.read(), { name: 'meanwhile', role: 'auditor', keyDigest: keyDigest('k'.repeat(43)), createdAt: at.toISOString(), revokedAt: null }] };
    const script = "setTimeout(() => { const fs = require('fs'); fs.writeFileSync(process.argv[1], process.argv[2]); fs.unlinkSync(process.argv[3]); }, 300)";
    spawn(process.execPath, ['-e', script, sut.file, JSON.stringify(meanwhile), lock], { stdio: 'ignore' }).unref();
    const started = Date.now();

    const { key } = new ApiUserFile(dir).add('second', 'backoffice', later);

    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(sut.read().map((user) => user.name)).toEqual(['first', 'meanwhile', 'second']);
    expect(sut.read()[2]!.keyDigest).toBe(keyDigest(key));
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock left by a process that died', () => {
    const lock = `${sut.file}.lock`;
    writeFileSync(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);

    sut.add('maija', 'backoffice', at);

    expect(sut.read().map((user) => user.name)).toEqual(['maija']);
    expect(existsSync(lock)).toBe(false);
  });

  it('makes one placeholder user per role on a first start only', () => {
    const first = sut.createFirstUsers(at)!;

    expect(first.map(({ user }) => [user.name, user.role])).toEqual([
      ['first-backoffice', 'backoffice'],
      ['first-analyst', 'analyst'],
      ['first-auditor', 'auditor'],
    ]);
    expect(sut.read().map((user) => user.keyDigest)).toEqual(first.map(({ key }) => keyDigest(key)));
    for (const { key } of first) expect(stored()).not.toContain(key);
    expect(sut.createFirstUsers(later)).toBeNull();

    // Users made with the CLI before the API ever started: no placeholders then.
    const other = new ApiUserFile(mkdtempSync(join(tmpdir(), 'kuhina-users-')));
    other.add('maija', 'backoffice', at);
    expect(other.createFirstUsers(at)).toBeNull();
    rmSync(other.dataDir, { recursive: true, force: true });
  });

  describe('the plain api-keys.json of earlier versions', () => {
    const legacyKeys = [
      { name: 'backoffice', role: 'backoffice', key: 'kuhina_backoffice_0123456789abcdefghij' },
      { name: 'analyst', role: 'analyst', key: 'kuhina_analyst_0123456789abcdefghijklm' },
      { name: 'auditor', role: 'auditor', key: 'kuhina_auditor_0123456789abcdefghijklm' },
    ];
    const legacy = () => join(dir, LEGACY_API_KEYS_FILE);
    beforeEach(() => writeFileSync(legacy(), JSON.stringify({ note: 'old', keys: legacyKeys }), { mode: 0o600 }));

    it('moves its keys in as digests under their old names, then deletes it', () => {
      expect(sut.migrateLegacyKeys(at)).toEqual({ migrated: ['backoffice', 'analyst', 'auditor'] });

      expect(existsSync(legacy())).toBe(false);
      expect(sut.read().map(({ name, role, keyDigest: digest }) => ({ name, role, digest }))).toEqual(legacyKeys.map(({ name, role, key }) => ({ name, role, digest: keyDigest(key) })));
      for (const { key } of legacyKeys) expect(stored()).not.toContain(key);
      expect(sut.createFirstUsers(at)).toBeNull();
      expect(sut.migrateLegacyKeys(at)).toBeNull();
    });

    it('after a crash between writing the users and deleting the plain file, only deletes it; a name taken by another key gets a suffix', () => {
      sut.add('Auditor Aino', 'auditor', at);
      sut.migrateLegacyKeys(at);
      writeFileSync(legacy(), JSON.stringify({ keys: [...legacyKeys, { name: 'Auditor Aino', role: 'auditor', key: 'another-key-0123456789' }] }));

      expect(sut.migrateLegacyKeys(later)).toEqual({ migrated: ['Auditor Aino-2'] });
      expect(sut.read().map((user) => user.name)).toEqual(['Auditor Aino', 'backoffice', 'analyst', 'auditor', 'Auditor Aino-2']);
      expect(existsSync(legacy())).toBe(false);
    });

    it('refuses a plain file it cannot make sense of, and leaves it in place', () => {
      writeFileSync(legacy(), JSON.stringify({ keys: [{ name: 'x', role: 'admin', key: 'short' }] }));

      expect(() => sut.migrateLegacyKeys(at)).toThrow(/key 1 is not \{ name, role, key \}/);
      expect(existsSync(legacy())).toBe(true);
      expect(existsSync(sut.file)).toBe(false);
    });
  });
});
