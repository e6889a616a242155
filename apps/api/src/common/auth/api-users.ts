import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@kuhina/application';
import { ROLES, type Role } from './roles';

/** The named users of the API, one file in the data folder; `kuhina keys add|list|revoke` edits it, the API reads it. */
export const API_USERS_FILE = 'api-users.json';
/** What the API generated before named users (plain keys, one per role): migrated into the user file, then deleted. */
export const LEGACY_API_KEYS_FILE = 'api-keys.json';
/** The users a first start makes when there is no other way in: named so that nobody mistakes them for a person. */
export const FIRST_USERS: ReadonlyArray<{ name: string; role: Role }> = ROLES.map((role) => ({ name: `first-${role}`, role }));

export interface ApiUser {
  /** A person's name or handle: the `actor` of every event written with the user's key. */
  name: string;
  role: Role;
  /** `sha256:<hex>` of the key; the key itself is shown once, when made, and never stored. */
  keyDigest: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A refusal the operator can fix (an unknown or taken name, a bad role): the CLI prints it and exits 1. */
export class ApiUserError extends Error {}
/** The user file cannot be read or written, or holds something else than users: a start-up failure of the API. */
export class ApiUserFileError extends ConfigError {}

/**
 * SHA-256 without salt is enough here: generated keys carry 256 random bits, nothing to guess. (A key chosen by a
 * person in KUHINA_API_KEYS is that operator's business, as before.)
 */
export const keyDigest = (key: string): string => `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
export const newKey = (): string => `kuhina_${randomBytes(32).toString('base64url')}`;

/** Actors the system itself writes as: a user by one of these names could pass for the demo loader, the CLI, … */
const SYSTEM_ACTORS = ['seed', 'cli', 'projector', 'retention', 'anonymous', 'system'];
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const MAX_NAME = 100;

/** Names compare as people read them: the same letters in another case or Unicode form are the same name. */
export const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** Why a name cannot name a user (null: it can). `strict` adds the rules for new users: no role, no system actor. */
export function nameProblem(name: string, strict: boolean): string | null {
  const length = [...name].length;
  if (length === 0 || length > MAX_NAME) return `must be 1–${MAX_NAME} characters (got ${length})`;
  if (INVISIBLE.test(name)) return 'must not contain control or invisible formatting characters';
  if (name.trim() !== name) return 'must not begin or end with a space';
  if (strict && (ROLES as readonly string[]).some((role) => sameName(role, name))) return `names a role, not a person: give the person's name or handle (the role goes in --role)`;
  if (strict && SYSTEM_ACTORS.some((actor) => sameName(actor, name))) return `is what Kuhina itself records as actor (${SYSTEM_ACTORS.join(', ')}): choose another`;
  return null;
}

/**
 * How long a writer waits for the lock: longer than LOCK_STALE_MS, so that a waiter outlives a lock left by a dead process
 * and breaks it (5 s, shorter than that, gave up first; and six `keys add` at once on a busy machine waited longer).
 */
const LOCK_WAIT_MS = 30_000;
/** A writer holds the lock for milliseconds; one older than this was left by a process that died. */
const LOCK_STALE_MS = 10_000;
const sleepSync = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `<data>/api-users.json` (mode 0600). Every change is read–modify–write under a lock file (`api-users.json.lock`,
 * created exclusively), and written to a temporary file that is then renamed over the old one: a reader (the API)
 * sees the old or the new file, never half of one, and two `kuhina keys add` at once both land.
 */
export class ApiUserFile {
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, API_USERS_FILE);
  }

  /** The users, revoked ones included; none when there is no file yet. */
  read(): ApiUser[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return [];
      throw new ApiUserFileError(`cannot read ${this.file}: ${reason(error)}`);
    }
    return parseUsers(text, this.file);
  }

  exists(): boolean {
    try {
      return statSync(this.file, { throwIfNoEntry: false }) !== undefined;
    } catch (error) {
      if (codeOf(error) === 'ENOTDIR') return false;
      throw new ApiUserFileError(`cannot look at ${this.file}: ${reason(error)}`);
    }
  }

  /** A new user with a new key; the key is returned here and nowhere else. */
  add(name: string, role: Role, now: Date): { user: ApiUser; key: string } {
    const problem = nameProblem(name, true);
    if (problem) throw new ApiUserError(`the name ${JSON.stringify(name.slice(0, MAX_NAME + 1))} ${problem}`);
    if (!(ROLES as readonly string[]).includes(role)) throw new ApiUserError(`the role must be one of ${ROLES.join(', ')}`);
    const key = newKey();
    const user: ApiUser = { name: name.normalize('NFC'), role, keyDigest: keyDigest(key), createdAt: now.toISOString(), revokedAt: null };
    this.change((users) => {
      const taken = users.find((existing) => sameName(existing.name, name));
      // Never reused, even once revoked: an actor in the log must keep meaning one person.
      if (!taken) return [...users, user];
      const revoked = taken.revokedAt ? `, revoked ${taken.revokedAt}` : '';
      throw new ApiUserError(`there is already a user named "${taken.name}" (${taken.role}${revoked}): names are never reused, so that every actor in the log stays one person; choose another`);
    });
    return { user, key };
  }

  /** Revokes the user's key; revoking a revoked user changes nothing. An unknown name is refused. */
  revoke(name: string, now: Date): { user: ApiUser; alreadyRevoked: boolean } {
    const unknown = () => new ApiUserError(`no API user named ${JSON.stringify(name.slice(0, MAX_NAME + 1))} in ${this.file} (\`kuhina keys list\` names them)`);
    // No file, no users: said as for any unknown name, and nothing is created.
    if (!this.exists()) throw unknown();
    let result: { user: ApiUser; alreadyRevoked: boolean } | undefined;
    this.change((users) => {
      const index = users.findIndex((user) => sameName(user.name, name));
      if (index < 0) throw unknown();
      const user = users[index]!;
      if (user.revokedAt !== null) {
        result = { user, alreadyRevoked: true };
        return null;
      }
      const revoked = { ...user, revokedAt: now.toISOString() };
      result = { user: revoked, alreadyRevoked: false };
      return users.map((existing, i) => (i === index ? revoked : existing));
    });
    return result!;
  }

  /**
   * First start without KUHINA_API_KEYS and without users: one placeholder user per role, so that someone can get in
   * and name the real users. Null when there are users already (also revoked ones: revoking everyone is no reason to
   * hand out new keys).
   */
  createFirstUsers(now: Date): Array<{ user: ApiUser; key: string }> | null {
    let made: Array<{ user: ApiUser; key: string }> | null = null;
    this.change((users) => {
      if (users.length > 0) return null;
      made = FIRST_USERS.map(({ name, role }) => {
        const key = newKey();
        return { user: { name, role, keyDigest: keyDigest(key), createdAt: now.toISOString(), revokedAt: null }, key };
      });
      return made.map((entry) => entry.user);
    });
    return made;
  }

  /**
   * The plain `api-keys.json` of earlier versions: its keys go into the user file as digests, under their old names
   * (so whoever holds them keeps working, as the same actor), then the plain file is deleted. Written first, deleted
   * second: a crash in between leaves both, and the next start finds the digests already there and only deletes.
   */
  migrateLegacyKeys(now: Date): { migrated: string[] } | null {
    const legacy = join(this.dataDir, LEGACY_API_KEYS_FILE);
    let keys: Array<{ name: string; role: Role; key: string }>;
    try {
      keys = parseLegacy(readFileSync(legacy, 'utf8'), legacy);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      throw error instanceof ApiUserFileError ? error : new ApiUserFileError(`cannot read ${legacy}: ${reason(error)}`);
    }
    const migrated: string[] = [];
    this.change((users) => {
      const next = [...users];
      for (const { name, role, key } of keys) {
        const digest = keyDigest(key);
        if (next.some((user) => user.keyDigest === digest)) continue;
        let unique = name;
        for (let n = 2; next.some((user) => sameName(user.name, unique)); n++) unique = `${name}-${n}`;
        next.push({ name: unique, role, keyDigest: digest, createdAt: now.toISOString(), revokedAt: null });
        migrated.push(unique);
      }
      return migrated.length > 0 ? next : null;
    });
    rmSync(legacy, { force: true });
    return { migrated };
  }

  /** Read, change, write, under the lock. `change` returns null for "nothing to write". */
  private change(change: (users: ApiUser[]) => ApiUser[] | null): void {
    this.locked(() => {
      const next = change(this.read());
      if (next !== null) this.write(next);
    });
  }

  private write(users: ApiUser[]): void {
    const temporary = `${this.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const text = JSON.stringify({ note: 'Kuhina API users (kuhina keys add|list|revoke). Keys are stored as SHA-256 digests only: each was shown once, when made.', users }, null, 2) + '\n';
    try {
      const fd = openSync(temporary, 'wx', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new ApiUserFileError(`cannot write ${this.file}: ${reason(error)}`);
    }
  }

  private locked(work: () => void): void {
    const lock = `${this.file}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx', 0o600));
        break;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw new ApiUserFileError(`cannot lock ${this.file} (${lock}): ${reason(error)}`);
      }
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
        // Left by a process that died while writing (two breakers at once is a second chance at worst, never a loss:
        // each writer still renames a whole file).
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new ApiUserFileError(`${lock} is held by another kuhina process; if none is running, delete it`);
      sleepSync(5 + Math.floor(Math.random() * 20));
    }
    try {
      work();
    } finally {
      try {
        unlinkSync(lock);
      } catch {
        // already gone (broken as stale by another process): nothing to release
      }
    }
  }
}

function parseUsers(text: string, file: string): ApiUser[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ApiUserFileError(`${file} is not JSON: ${reason(error)}`);
  }
  const users = (parsed as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new ApiUserFileError(`${file} holds no "users" list`);
  return users.map((user: unknown, index) => {
    const u = (user ?? {}) as Record<string, unknown>;
    const bad = (what: string) => new ApiUserFileError(`${file}: user ${index + 1} ${what}`);
    if (typeof u.name !== 'string' || nameProblem(u.name, false) !== null) throw bad(`has no usable name: ${typeof u.name === 'string' ? nameProblem(u.name, false) : 'missing'}`);
    if (!(ROLES as readonly unknown[]).includes(u.role)) throw bad(`(${u.name}) has no role among ${ROLES.join(', ')}`);
    if (typeof u.keyDigest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(u.keyDigest)) throw bad(`(${u.name}) has no key digest (sha256:<64 hex digits>)`);
    if (typeof u.createdAt !== 'string') throw bad(`(${u.name}) has no createdAt`);
    if (u.revokedAt !== null && typeof u.revokedAt !== 'string') throw bad(`(${u.name}) has a revokedAt that is neither null nor a time`);
    return { name: u.name, role: u.role as Role, keyDigest: u.keyDigest, createdAt: u.createdAt, revokedAt: u.revokedAt };
  });
}

function parseLegacy(text: string, file: string): Array<{ name: string; role: Role; key: string }> {
  let keys: unknown;
  try {
    keys = (JSON.parse(text) as { keys?: unknown } | null)?.keys;
  } catch (error) {
    throw new ApiUserFileError(`${file} is not JSON: ${reason(error)}`);
  }
  if (!Array.isArray(keys)) throw new ApiUserFileError(`${file} holds no "keys" list`);
  return keys.map((entry: unknown, index) => {
    const k = (entry ?? {}) as Record<string, unknown>;
    if (typeof k.name !== 'string' || nameProblem(k.name, false) !== null || !(ROLES as readonly unknown[]).includes(k.role) || typeof k.key !== 'string' || k.key.length < 16) {
      throw new ApiUserFileError(`${file}: key ${index + 1} is not { name, role, key } with a role among ${ROLES.join(', ')} and a key of at least 16 characters`);
    }
    return { name: k.name, role: k.role as Role, key: k.key };
  });
}
