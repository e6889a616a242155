import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHAIN_INTEGRITY, EVENT_STORE, errorMessage, type ChainIntegrity, type ChainedEventStore, type EventStore } from '@kuhina/event-store';
import { StoreLease, PROJECTIONS, Projector, READ_STORE, createReadStore, type ReadStore } from '@kuhina/read-model';
import type { KuhinaConfig } from '../kuhina-config';
import { ReadModelPosition } from './read-model-position';
import { NetworkReader } from '../network/network-reader';
import { PeriodicSealer } from '../audit/periodic-sealer';
import { PRIVACY_SECRETS } from '../kuhina-core.module';
import type { PrivacySecrets } from '@kuhina/privacy';
import { StartupIntegrityCheck } from '../integrity/startup-integrity-check';

export const PROJECTOR = Symbol('PROJECTOR');
export const PERIODIC_SEALER = Symbol('PERIODIC_SEALER');
/** The start-up integrity check (StartupIntegrityCheck), or null where it does not run. */
export const STARTUP_INTEGRITY_CHECK = Symbol('STARTUP_INTEGRITY_CHECK');

export interface ReadModelOptions {
  /** Run the projector in this process (embedded mode, and `kuhina projector`); false when it runs elsewhere. */
  runProjector: boolean;
  /** Verify the log since the last seal at start-up, in the background (default: where the projector runs). */
  verifyAtStartUp?: boolean;
}

class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector | null,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERIODIC_SEALER) private readonly sealer: PeriodicSealer | null,
    @Inject(STARTUP_INTEGRITY_CHECK) private readonly integrityCheck: StartupIntegrityCheck | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Not awaited: start-up does not wait for a long log to be read; /health says when it is done (and what it found).
    void this.integrityCheck?.start();
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

function startupLogger(): { info: (line: string) => void; error: (line: string) => void } {
  const logger = new Logger('Integrity');
  return { info: (line) => logger.log(line), error: (line) => logger.error(line) };
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
          useFactory: (events: EventStore, views: ReadStore, integrity: ChainIntegrity) =>
            options.runProjector ? new Projector(events, views, { projections: PROJECTIONS, lease: StoreLease.of(views, 'projector'), integrity }) : null,
          inject: [EVENT_STORE, READ_STORE, CHAIN_INTEGRITY],
        },
        {
          provide: STARTUP_INTEGRITY_CHECK,
          useFactory: (events: ChainedEventStore, integrity: ChainIntegrity) =>
            (options.verifyAtStartUp ?? options.runProjector) ? new StartupIntegrityCheck(events.storage, integrity, startupLogger()) : null,
          inject: [EVENT_STORE, CHAIN_INTEGRITY],
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
      exports: [READ_STORE, PROJECTOR, PERIODIC_SEALER, STARTUP_INTEGRITY_CHECK, ReadModelPosition, NetworkReader],
    };
  }
}
