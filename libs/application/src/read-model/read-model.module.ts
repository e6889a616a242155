import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, errorMessage, type EventStore } from '@kuhina/event-store';
import { join } from 'node:path';
import { FileLease, PROJECTIONS, Projector, READ_STORE, createReadStore, type ReadStore } from '@kuhina/read-model';
import type { KuhinaConfig } from '../kuhina-config';
import { ReadModelPosition } from './read-model-position';
import { NetworkReader } from '../network/network-reader';
import { PeriodicSealer } from '../audit/periodic-sealer';
import { PRIVACY_SECRETS } from '../kuhina-core.module';
import type { PrivacySecrets } from '@kuhina/privacy';

export const PROJECTOR = Symbol('PROJECTOR');
export const PERIODIC_SEALER = Symbol('PERIODIC_SEALER');

export interface ReadModelOptions {
  /** Run the projector in this process (embedded mode, and `kuhina projector`); false when it runs elsewhere. */
  runProjector: boolean;
}

class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector | null,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERIODIC_SEALER) private readonly sealer: PeriodicSealer | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
    await this.sealer?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sealer?.stop();
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
        {
          // Seals are written where the projector runs: one process seals, never two.
          provide: PERIODIC_SEALER,
          useFactory: (events: EventStore) =>
            options.runProjector && config.sealEvery > 0
              ? new PeriodicSealer(events, { every: config.sealEvery, onError: (error) => process.emitWarning(`Periodic seal failed: ${errorMessage(error)}`, 'KuhinaSealWarning') })
              : null,
          inject: [EVENT_STORE],
        },
        { provide: ReadModelPosition, useFactory: (projector: Projector | null, views: ReadStore) => new ReadModelPosition(projector, views), inject: [PROJECTOR, READ_STORE] },
        {
          provide: NetworkReader,
          useFactory: (views: ReadStore, events: EventStore, secrets: PrivacySecrets) => new NetworkReader(views, events, secrets.pseudonymKey),
          inject: [READ_STORE, EVENT_STORE, PRIVACY_SECRETS],
        },
        ProjectorLifecycle,
      ],
      exports: [READ_STORE, PROJECTOR, PERIODIC_SEALER, ReadModelPosition, NetworkReader],
    };
  }
}
