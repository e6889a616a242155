import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { join } from 'node:path';
import { FileLease, PROJECTIONS, Projector, READ_STORE, createReadStore, type ReadStore } from '@kuhina/read-model';
import type { KuhinaConfig } from '../kuhina-config';
import { ReadModelPosition } from './read-model-position';
import { NetworkReader } from '../network/network-reader';
import { PRIVACY_SECRETS } from '../kuhina-core.module';
import type { PrivacySecrets } from '@kuhina/privacy';

export const PROJECTOR = Symbol('PROJECTOR');

export interface ReadModelOptions {
  /** Run the projector in this process (embedded mode, and `kuhina projector`); false when it runs elsewhere. */
  runProjector: boolean;
}

class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector | null,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    // Stop between batches (the running one commits or not at all), then close the store.
    await this.projector?.stop();
    await this.store.close();
  }
}

/** The read side: the read store (SQLite or MongoDB), the projector, and how far it has got. */
@Module({})
export class ReadModelModule {
  static forRoot(config: KuhinaConfig, options: ReadModelOptions): DynamicModule {
    return {
      module: ReadModelModule,
      global: true,
      providers: [
        { provide: READ_STORE, useFactory: () => createReadStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl }) },
        {
          provide: PROJECTOR,
          useFactory: (events: EventStore, views: ReadStore) => (options.runProjector ? new Projector(events, views, { projections: PROJECTIONS, lease: new FileLease(join(config.dataDir, 'projector.lock')) }) : null),
          inject: [EVENT_STORE, READ_STORE],
        },
        { provide: ReadModelPosition, useFactory: (projector: Projector | null, views: ReadStore) => new ReadModelPosition(projector, views), inject: [PROJECTOR, READ_STORE] },
        {
          provide: NetworkReader,
          useFactory: (views: ReadStore, events: EventStore, secrets: PrivacySecrets) => new NetworkReader(views, events, secrets.pseudonymKey),
          inject: [READ_STORE, EVENT_STORE, PRIVACY_SECRETS],
        },
        ProjectorLifecycle,
      ],
      exports: [READ_STORE, PROJECTOR, ReadModelPosition, NetworkReader],
    };
  }
}
