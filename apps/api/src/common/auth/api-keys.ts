import { hash, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { ConfigError } from '@kuhina/application';
import { sameName, type ApiUser, type ApiUserFile } from './api-users';
import { ROLES, type Role } from './roles';

export { ROLES, type Role } from './roles';

export interface Principal {
  /** The user's (or the KUHINA_API_KEYS entry's) name: recorded as the `actor` of every event it causes. */
  name: string;
  role: Role;
}

interface ApiKey extends Principal {
  /** SHA-256 of the key: compared in constant time, and the key itself is never kept in memory as text after load. */
  digest: Buffer;
  revoked: boolean;
}

/** What a presented key is: someone's, a revoked one, or nobody's. */
export type Authentication = Principal | { revoked: true } | null;

export class ApiKeyConfigError extends ConfigError {}

// One-shot (Node >= 20.12): every request's key is digested.
const digest = (key: string): Buffer => hash('sha256', key, 'buffer');

/** Parses `name:role:key,...` (KUHINA_API_KEYS). */
export function parseApiKeys(spec: string): ApiKey[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, role, ...rest] = part.split(':');
      const key = rest.join(':');
      if (!name || !role || !key) throw new ApiKeyConfigError(`KUHINA_API_KEYS: each entry must be name:role:key (got an entry starting with "${name ?? ''}")`);
      if (!(ROLES as readonly string[]).includes(role)) throw new ApiKeyConfigError(`KUHINA_API_KEYS: role of "${name}" must be one of ${ROLES.join(', ')}`);
      if (key.length < 16) throw new ApiKeyConfigError(`KUHINA_API_KEYS: the key of "${name}" must be at least 16 characters`);
      return { name, role: role as Role, digest: digest(key), revoked: false };
    });
  if (keys.length === 0) throw new ApiKeyConfigError('KUHINA_API_KEYS is set but names no key');
  // A name is the actor of what its key writes: two keys under one name would make two people one actor.
  const twice = keys.find((key, i) => keys.findIndex((other) => sameName(other.name, key.name)) !== i);
  if (twice) throw new ApiKeyConfigError(`KUHINA_API_KEYS: the name "${twice.name}" is given more than once`);
  return keys;
}

export interface UserFileKeysOptions {
  /** How often at most the file is looked at again (a stat; read only when it changed). Default 1 s. */
  intervalMs?: number;
  clock?: () => number;
  /** Names KUHINA_API_KEYS already gives: a user of the same name is left out (one name, one actor). */
  reservedNames?: readonly string[];
  /** A user left out, or a file that became unreadable: said once per change of the file. */
  onProblem?: (message: string) => void;
}

/**
 * The user file as the running API sees it: `kuhina keys add` and `keys revoke` (another process) take effect without
 * a restart. At most once per interval, on a request, the file's identity (inode, size, times) is compared with the
 * last one read; the file is read again only when it changed (it is replaced whole, by rename, so a read never sees
 * half a write). A file that cannot be read after start fails closed: none of its keys is accepted until it is fixed.
 */
export class UserFileKeys {
  private keys: ApiKey[] = [];
  private users: ApiUser[] = [];
  private signature: string | undefined;
  private checkedAt: number;
  private readonly intervalMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly file: ApiUserFile,
    private readonly options: UserFileKeysOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.clock = options.clock ?? Date.now;
    this.checkedAt = this.clock();
    // At start a bad file stops the API with its message, rather than locking everyone out quietly.
    this.load(true);
  }

  current(): readonly ApiKey[] {
    const now = this.clock();
    if (now - this.checkedAt >= this.intervalMs || now < this.checkedAt) {
      this.checkedAt = now;
      this.load(false);
    }
    return this.keys;
  }

  /** The users as last read (for the start-up message). */
  listed(): readonly ApiUser[] {
    return this.users;
  }

  private load(atStart: boolean): void {
    let signature: string;
    try {
      const stats = statSync(this.file.file, { bigint: true, throwIfNoEntry: false });
      signature = stats ? `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}` : 'absent';
    } catch (error) {
      signature = `error:${(error as Error).message}`;
    }
    if (signature === this.signature) return;
    this.signature = signature;
    try {
      const users = this.file.read();
      const reserved = this.options.reservedNames ?? [];
      const kept = users.filter((user) => !reserved.some((name) => sameName(name, user.name)));
      for (const user of users) if (!kept.includes(user)) this.options.onProblem?.(`the user "${user.name}" of ${this.file.file} is left out: KUHINA_API_KEYS gives that name already`);
      this.users = users;
      this.keys = kept.map((user) => ({ name: user.name, role: user.role, digest: Buffer.from(user.keyDigest.slice('sha256:'.length), 'hex'), revoked: user.revokedAt !== null }));
    } catch (error) {
      if (atStart) throw error;
      this.users = [];
      this.keys = [];
      this.options.onProblem?.(`${(error as Error).message}: none of its keys is accepted until it is fixed`);
    }
  }
}

export class ApiKeyRegistry {
  constructor(
    private readonly fixed: readonly ApiKey[],
    private readonly users?: UserFileKeys,
  ) {}

  /** Constant-time: every known key (revoked ones too) is compared, whatever matches first. */
  authenticate(presented: string): Authentication {
    const candidate = digest(presented);
    let found: Authentication = null;
    for (const key of [...this.fixed, ...(this.users?.current() ?? [])]) {
      if (timingSafeEqual(candidate, key.digest) && found === null) found = key.revoked ? { revoked: true } : { name: key.name, role: key.role };
    }
    return found;
  }
}
