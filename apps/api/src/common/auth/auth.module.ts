import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRegistry, loadOrCreateApiKeyFile, parseApiKeys } from './api-keys';
import { AuthGuard } from './auth.guard';

export interface ApiKeySource {
  /** Where the keys came from, for the start-up message (never the keys themselves). */
  description: string;
}
export const API_KEY_SOURCE = Symbol('API_KEY_SOURCE');

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: { apiKeys?: string; dataDir: string }): DynamicModule {
    const loaded = options.apiKeys
      ? { keys: parseApiKeys(options.apiKeys), description: 'from KUHINA_API_KEYS' }
      : (() => {
          const file = loadOrCreateApiKeyFile(options.dataDir);
          return { keys: file.keys, description: `${file.created ? 'generated into' : 'read from'} ${file.file} (one key per role)` };
        })();
    return {
      module: AuthModule,
      providers: [
        { provide: ApiKeyRegistry, useValue: new ApiKeyRegistry(loaded.keys) },
        { provide: API_KEY_SOURCE, useValue: { description: loaded.description } satisfies ApiKeySource },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [ApiKeyRegistry, API_KEY_SOURCE],
    };
  }
}
