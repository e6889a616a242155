import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROLES = ['backoffice', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The key's name: recorded as the `actor` of every event it causes. */
  name: string;
  role: Role;
}

interface ApiKey extends Principal {
  /** SHA-256 of the key: compared in constant time, and the key itself is never kept in memory as text after load. */
  digest: Buffer;
}

export class ApiKeyConfigError extends Error {}

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

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
      return { name, role: role as Role, digest: digest(key) };
    });
  if (keys.length === 0) throw new ApiKeyConfigError('KUHINA_API_KEYS is set but names no key');
  return keys;
}

export const API_KEYS_FILE = 'api-keys.json';

/** When KUHINA_API_KEYS is unset: one key per role, generated into the data folder on first start (mode 0600). */
export function loadOrCreateApiKeyFile(dataDir: string): { file: string; created: boolean; keys: ApiKey[] } {
  const file = join(dataDir, API_KEYS_FILE);
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const generated = ROLES.map((role) => ({ name: role, role, key: `kuhina_${role}_${randomBytes(24).toString('base64url')}` }));
    try {
      // 'wx': never overwrite keys another process just created.
      writeFileSync(file, JSON.stringify({ note: 'Kuhina API keys: send as "Authorization: Bearer <key>". Keep this file private.', keys: generated }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys: Array<{ name: string; role: string; key: string }> };
  return { file, created, keys: parseApiKeys(parsed.keys.map((k) => `${k.name}:${k.role}:${k.key}`).join(',')) };
}

export class ApiKeyRegistry {
  constructor(private readonly keys: ApiKey[]) {}

  /** Constant-time: every known key is compared, whatever matches first. */
  authenticate(presented: string): Principal | null {
    const candidate = digest(presented);
    let found: Principal | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(candidate, key.digest) && found === null) found = { name: key.name, role: key.role };
    }
    return found;
  }
}
