import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
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
/** A JSON file with the same three keys as secrets.json, kept outside the data folder (production: a mounted secret). */
export const SECRETS_FILE_ENV = 'KUHINA_SECRETS_FILE';
export const SECRET_BYTES = 32;

const NAMES: readonly SecretName[] = ['masterKey', 'blindIndexKey', 'pseudonymKey'];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Where the secrets came from, for the start-up banner: only `data-folder` keeps them beside the data they protect. */
export type SecretsOrigin =
  | { kind: 'environment'; strayFile?: string }
  | { kind: 'secrets-file'; file: string; strayFile?: string }
  | { kind: 'data-folder'; file: string; generated: boolean };

export interface LoadedSecrets {
  secrets: PrivacySecrets;
  origin: SecretsOrigin;
}

export interface SecretsLocation {
  dataDir: string;
  /** KUHINA_SECRETS_FILE: when set, the secrets not in the environment come from it, never from the data folder. */
  secretsFile?: string;
}

/**
 * The secrets, each from its environment variable when set (production: a secret manager), otherwise from the
 * KUHINA_SECRETS_FILE file when set (production: a mounted secret, outside the data folder), otherwise from
 * `<dataDir>/secrets.json`, generated on first use (zero set-up for the embedded profile, said at start-up).
 * The generated file is created mode 0600 and published atomically with link(2), which fails if the name exists:
 * when two processes start at once, one wins and both read the winner's file.
 * A set but empty or malformed variable is an error, never a silent fallback to a file; so is a KUHINA_SECRETS_FILE
 * that is missing, inside the data folder or readable by others (never a silent fallback to generating keys).
 */
export function loadSecrets(location: SecretsLocation, env: NodeJS.ProcessEnv = process.env): LoadedSecrets {
  const fromEnv: Partial<PrivacySecrets> = {};
  for (const name of NAMES) {
    const variable = SECRET_ENV[name];
    const value = env[variable];
    if (value !== undefined) fromEnv[name] = decodeSecret(value.trim(), variable);
  }
  const dataFolderFile = join(location.dataDir, SECRETS_FILE);
  const strayFile = existsSync(dataFolderFile) ? dataFolderFile : undefined;
  if (location.secretsFile !== undefined) {
    const file = checkSecretsFile(location.secretsFile, location.dataDir);
    return { secrets: { ...readSecretsFile(file), ...fromEnv }, origin: { kind: 'secrets-file', file, strayFile } };
  }
  if (NAMES.every((name) => fromEnv[name] !== undefined)) return { secrets: fromEnv as PrivacySecrets, origin: { kind: 'environment', strayFile } };
  const { secrets, generated } = readOrCreateSecretsFile(location.dataDir);
  return { secrets: { ...secrets, ...fromEnv }, origin: { kind: 'data-folder', file: dataFolderFile, generated } };
}

/** `loadSecrets` for callers that only need the keys; KUHINA_SECRETS_FILE is read from `env`. */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): PrivacySecrets {
  const secretsFile = env[SECRETS_FILE_ENV]?.trim();
  return loadSecrets({ dataDir, secretsFile: secretsFile ? secretsFile : undefined }, env).secrets;
}

/**
 * Checks a KUHINA_SECRETS_FILE before anything opens a store, and answers its absolute path. Refused: a file that is
 * missing or not a file, one inside the data folder (a copy of the folder would carry the keys with the data, the very
 * thing the setting is for), and one the group or others may access.
 */
export function checkSecretsFile(secretsFile: string, dataDir: string): string {
  const file = resolve(secretsFile);
  let real: string;
  try {
    real = realpathSync(file);
    if (!statSync(real).isFile()) throw new InvalidSecretError(`${SECRETS_FILE_ENV} ${file} is not a file`);
  } catch (error) {
    if (error instanceof InvalidSecretError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidSecretError(
      `${SECRETS_FILE_ENV} ${file} cannot be read (${code ?? String(error)}); it must be a JSON file with masterKey, blindIndexKey and pseudonymKey (see README, Security)`,
    );
  }
  // Both sides resolved, so neither a link into the folder nor a link to the folder slips through.
  let folder = resolve(dataDir);
  try {
    folder = realpathSync(folder);
  } catch {
    // no folder yet: nothing can be inside it but by its plain path
  }
  for (const [path, base] of [[real, folder], [file, resolve(dataDir)]]) {
    const inside = relative(base, path);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) {
      throw new InvalidSecretError(
        `${SECRETS_FILE_ENV} ${file} lies inside the data folder ${resolve(dataDir)}: keep the keys apart from the data they protect (a copy of the folder would decrypt personal data)`,
      );
    }
  }
  if (process.platform !== 'win32') {
    const mode = statSync(real).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new InvalidSecretError(`${SECRETS_FILE_ENV} ${file} is accessible to other users (mode ${mode.toString(8).padStart(4, '0')}); restrict it with: chmod 600 ${file}`);
    }
  }
  return file;
}

/** The banner's lines about the secrets: plain words where they sit beside the data, one line otherwise. */
export function describeSecretsOrigin(origin: SecretsOrigin): string[] {
  const variables = NAMES.map((name) => SECRET_ENV[name]).join(', ');
  const production = `In production set ${SECRETS_FILE_ENV} (outside the data folder) or ${variables}; see README, Security.`;
  switch (origin.kind) {
    case 'data-folder':
      return origin.generated
        ? [`WARNING: Generated secrets into ${origin.file} beside the data: anyone with a copy of this folder can decrypt personal data. ${production}`]
        : [
            `WARNING: Secrets are read from ${origin.file} beside the data: anyone with a copy of this folder can decrypt personal data. In production move the file outside the data folder and set ${SECRETS_FILE_ENV} to it, or use ${variables}; see README, Security.`,
          ];
    case 'secrets-file':
    case 'environment': {
      const from = origin.kind === 'secrets-file' ? `${origin.file} (${SECRETS_FILE_ENV})` : `the environment (${variables})`;
      const stray = origin.strayFile ? [`WARNING: ${origin.strayFile} is still beside the data: a copy of the folder carries it; delete it once it is kept elsewhere.`] : [];
      return [`${from}, apart from the data`, ...stray];
    }
  }
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

function readOrCreateSecretsFile(dataDir: string): { secrets: PrivacySecrets; generated: boolean } {
  const file = join(dataDir, SECRETS_FILE);
  try {
    return { secrets: readSecretsFile(file), generated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  createSecretsFile(dataDir, file);
  // Re-read: another process may have won the race, and its file is the one everybody must use.
  return { secrets: readSecretsFile(file), generated: true };
}

function createSecretsFile(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const content = `${JSON.stringify(
    {
      note: 'Kuhina secrets. Losing masterKey makes all personal data unreadable: back this file up apart from the data. In production keep it outside the data folder and point KUHINA_SECRETS_FILE at it.',
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
