import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidSecretError } from './privacy.errors';

/** The three independent secrets of the privacy layer, 32 random bytes each. */
export interface PrivacySecrets {
  /** Wraps the per-person data keys in keys.db. */
  masterKey: Buffer;
  /** HMAC key of the e-mail blind index. */
  blindIndexKey: Buffer;
  /** HMAC key of the pseudonyms analysts see. */
  pseudonymKey: Buffer;
}

type SecretName = keyof PrivacySecrets;

/** Environment variable of each secret (base64 of 32 bytes, e.g. `openssl rand -base64 32`). */
export const SECRET_ENV: Readonly<Record<SecretName, string>> = {
  masterKey: 'KUHINA_MASTER_KEY',
  blindIndexKey: 'KUHINA_BLIND_INDEX_KEY',
  pseudonymKey: 'KUHINA_PSEUDONYM_KEY',
};

export const SECRETS_FILE = 'secrets.json';
export const SECRET_BYTES = 32;

const NAMES: readonly SecretName[] = ['masterKey', 'blindIndexKey', 'pseudonymKey'];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The secrets, each from its environment variable when set (production: a secret manager), otherwise
 * from `<dataDir>/secrets.json`, generated on first use (zero set-up for the embedded profile).
 * The file is created mode 0600 and published atomically with link(2), which fails if the name exists:
 * when two processes start at once, one wins and both read the winner's file.
 * A set but empty or malformed variable is an error, never a silent fallback to the file.
 */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): PrivacySecrets {
  const fromEnv: Partial<PrivacySecrets> = {};
  for (const name of NAMES) {
    const variable = SECRET_ENV[name];
    const value = env[variable];
    if (value !== undefined) fromEnv[name] = decodeSecret(value.trim(), variable);
  }
  if (NAMES.every((name) => fromEnv[name] !== undefined)) return fromEnv as PrivacySecrets;
  return { ...readOrCreateSecretsFile(dataDir), ...fromEnv };
}

/**
 * The pseudonym under which analysts see a person: `p-` + the first 16 hex digits (64 bits) of
 * HMAC-SHA256(pseudonymKey, 'person:' + personId). Stable for a given key, not reversible without it.
 */
export function pseudonym(personId: string, pseudonymKey: Buffer): string {
  if (pseudonymKey.length < SECRET_BYTES) {
    throw new InvalidSecretError(`The pseudonym key must be at least ${SECRET_BYTES} bytes, got ${pseudonymKey.length}`);
  }
  return `p-${createHmac('sha256', pseudonymKey).update(`person:${personId}`, 'utf8').digest('hex').slice(0, 16)}`;
}

function readOrCreateSecretsFile(dataDir: string): PrivacySecrets {
  const file = join(dataDir, SECRETS_FILE);
  try {
    return readSecretsFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  createSecretsFile(dataDir, file);
  // Re-read: another process may have won the race, and its file is the one everybody must use.
  return readSecretsFile(file);
}

function createSecretsFile(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const content = `${JSON.stringify(
    {
      note: 'Kuhina secrets. Losing masterKey makes all personal data unreadable: back this file up apart from the data. Prefer the KUHINA_* environment variables in production.',
      version: 1,
      createdAt: new Date().toISOString(),
      masterKey: randomBytes(SECRET_BYTES).toString('base64'),
      blindIndexKey: randomBytes(SECRET_BYTES).toString('base64'),
      pseudonymKey: randomBytes(SECRET_BYTES).toString('base64'),
    },
    null,
    2,
  )}\n`;
  const temp = join(dataDir, `.${SECRETS_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      fchmodSync(fd, 0o600); // the umask may have removed bits, never added them; be exact anyway
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, file); // exclusive: fails with EEXIST when another process published first
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    unlinkSync(temp);
  }
  syncDirectory(dataDir);
}

function readSecretsFile(file: string): PrivacySecrets {
  const text = readFileSync(file, 'utf8');
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new InvalidSecretError(`${file} is accessible to other users (mode ${mode.toString(8).padStart(4, '0')}); restrict it with: chmod 600 ${file}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidSecretError(`${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new InvalidSecretError(`${file} must hold a JSON object`);
  const record = parsed as Record<string, unknown>;
  const secrets: Partial<PrivacySecrets> = {};
  for (const name of NAMES) {
    const value = record[name];
    if (typeof value !== 'string') throw new InvalidSecretError(`${file} has no "${name}" string`);
    secrets[name] = decodeSecret(value, `"${name}" in ${file}`);
  }
  return secrets as PrivacySecrets;
}

/** Never puts the value itself in a message: it is a secret, even when it is a wrong one. */
function decodeSecret(value: string, source: string): Buffer {
  if (value === '') throw new InvalidSecretError(`${source} is set but empty; unset it or give ${SECRET_BYTES} bytes in base64`);
  if (!BASE64.test(value)) {
    throw new InvalidSecretError(`${source} must be ${SECRET_BYTES} bytes in base64 (e.g. \`openssl rand -base64 32\`), but it is not valid base64`);
  }
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== SECRET_BYTES) {
    throw new InvalidSecretError(`${source} must be ${SECRET_BYTES} bytes in base64 (e.g. \`openssl rand -base64 32\`), but it decodes to ${bytes.length} bytes`);
  }
  return bytes;
}

/** Make the new directory entry durable; some platforms cannot fsync a directory, which is harmless here. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
