import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRegistry, parseApiKeys, UserFileKeys } from './api-keys';
import { API_USERS_FILE, ApiUserFile, LEGACY_API_KEYS_FILE, type ApiUser } from './api-users';
import { AuthGuard } from './auth.guard';
import { ROLES } from './roles';

export interface ApiKeySource {
  /** Where the keys come from, for the start-up message; on a first start, once, the placeholder users' keys. */
  description: string;
}
export const API_KEY_SOURCE = Symbol('API_KEY_SOURCE');

/** Continuation lines of the start-up banner line `  API keys:  …`. */
const INDENT = ' '.repeat(13);
const ADD_HINT = `\`kuhina keys add <name> --role ${ROLES.join('|')}\``;

/**
 * The first users' keys are in the first reading of the description only: the banner prints them, then they are
 * gone from memory, like from the disk.
 */
class StartUpDescription implements ApiKeySource {
  constructor(
    private once: string | undefined,
    private readonly always: string,
  ) {}

  get description(): string {
    const text = this.once ?? this.always;
    this.once = undefined;
    return text;
  }
}

const counted = (users: readonly ApiUser[]): string => {
  const revoked = users.filter((user) => user.revokedAt !== null).length;
  return `${users.length - revoked} user${users.length - revoked === 1 ? '' : 's'}${revoked > 0 ? ` (and ${revoked} revoked)` : ''}`;
};

@Global()
@Module({})
export class AuthModule {
  /**
   * Keys come from the named users of `<data>/api-users.json` (`kuhina keys …`) and from KUHINA_API_KEYS; when both
   * exist, both are valid. Without KUHINA_API_KEYS, a start migrates the plain `api-keys.json` of earlier versions, and
   * a first start with no user at all makes one placeholder user per role.
   */
  static forRoot(options: { apiKeys?: string; dataDir: string; reloadIntervalMs?: number }): DynamicModule {
    const fixed = options.apiKeys ? parseApiKeys(options.apiKeys) : [];
    const file = new ApiUserFile(options.dataDir);
    const now = new Date();
    const notes: string[] = [];
    let first: ReturnType<ApiUserFile['createFirstUsers']> = null;
    const legacy = join(options.dataDir, LEGACY_API_KEYS_FILE);
    if (!options.apiKeys) {
      const migration = file.migrateLegacyKeys(now);
      const moved = migration && migration.migrated.length > 0 ? migration.migrated.join(', ') : 'all there already';
      if (migration) notes.push(`moved the plain keys of ${legacy} into ${API_USERS_FILE} as digests (${moved}: they keep working) and deleted ${LEGACY_API_KEYS_FILE}`);
      first = file.createFirstUsers(now);
    } else if (existsSync(legacy)) {
      notes.push(`${legacy} (plain keys of an earlier version) is not used while KUHINA_API_KEYS is set: delete it, or start once without KUHINA_API_KEYS to move its keys into ${file.file}`);
    }

    const logger = new Logger('ApiKeys');
    let starting = true;
    const users = new UserFileKeys(file, {
      intervalMs: options.reloadIntervalMs,
      reservedNames: fixed.map((key) => key.name),
      onProblem: (message) => (starting ? notes.push(message) : logger.warn(message)),
    });
    starting = false;

    const fromFile = file.exists() ? `the named users of ${file.file}: ${counted(users.listed())}` : `no named users yet (${ADD_HINT} makes them, into ${file.file})`;
    const sources = fixed.length > 0 ? `from KUHINA_API_KEYS (${fixed.length}) and ${fromFile}` : `${fromFile}; keys are stored hashed (\`kuhina keys list|add|revoke\`)`;
    const always = [sources, ...notes].join(`\n${INDENT}`);
    const once = first
      ? [
          `${first.length} placeholder users created in ${file.file} (keys stored hashed: shown here, this once):`,
          ...first.map(({ user, key }) => `  ${user.name.padEnd(17)} ${user.role.padEnd(11)} ${key}`),
          `name the real users with ${ADD_HINT}, then revoke these (\`kuhina keys revoke <name>\`)`,
          ...notes,
        ].join(`\n${INDENT}`)
      : undefined;

    return {
      module: AuthModule,
      providers: [
        { provide: ApiKeyRegistry, useValue: new ApiKeyRegistry(fixed, users) },
        { provide: API_KEY_SOURCE, useValue: new StartUpDescription(once, always) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [ApiKeyRegistry, API_KEY_SOURCE],
    };
  }
}
