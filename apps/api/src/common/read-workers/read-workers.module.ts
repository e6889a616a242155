import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { PRIVACY_SECRETS, ReadTaskRunner, type KuhinaConfig } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import type { PrivacySecrets } from '@kuhina/privacy';
import { READ_STORE, type ReadStore } from '@kuhina/read-model';
import { ReadWorkers, type ReadWorkerSettings } from './read-workers';

class ReadWorkersLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ReadWorkers) private readonly workers: ReadWorkers) {}
  async onApplicationShutdown(): Promise<void> {
    await this.workers.close();
  }
}

/** The pool of read workers every expensive read goes through (see ReadWorkers). */
@Global()
@Module({})
export class ReadWorkersModule {
  static forRoot(config: KuhinaConfig, settings: ReadWorkerSettings): DynamicModule {
    return {
      module: ReadWorkersModule,
      providers: [
        {
          provide: ReadWorkers,
          useFactory: (events: EventStore, views: ReadStore, secrets: PrivacySecrets) =>
            new ReadWorkers(
              settings,
              { dataDir: config.dataDir, kurrentdbUrl: config.kurrentdbUrl, mongodbUrl: config.mongodbUrl, synchronous: config.sqliteSynchronous, pseudonymKey: new Uint8Array(secrets.pseudonymKey) },
              new ReadTaskRunner({ events, views, pseudonymKey: secrets.pseudonymKey }),
            ),
          inject: [EVENT_STORE, READ_STORE, PRIVACY_SECRETS],
        },
        ReadWorkersLifecycle,
      ],
      exports: [ReadWorkers],
    };
  }
}
