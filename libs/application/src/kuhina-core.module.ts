import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CHAIN_INTEGRITY, ChainIntegrity, CommandHandler, EVENT_STORE, createEventStore, describeBreak, type EventStore } from '@kuhina/event-store';
import { BlindIndex, KEY_STORE, PersonalDataCipher, SqliteKeyStore, loadSecrets, type KeyStore, type LoadedSecrets, type PrivacySecrets, type SecretsOrigin } from '@kuhina/privacy';
import { ExecuteDomainCommandHandler } from './execute-domain-command/execute-domain-command.handler';
import { RegisterPersonHandler } from './register-person/register-person.handler';
import { PlanWorkshopHandler } from './plan-workshop/plan-workshop.handler';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler';
import { CancelRegistrationHandler } from './cancel-registration/cancel-registration.handler';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { PersonalDataEraser } from './retention/personal-data-eraser';
import { SealLogHandler } from './seal-log/seal-log.handler';
import type { KuhinaConfig } from './kuhina-config';
import { BusinessTimePolicy } from './business-time/business-time';

export const KUHINA_CONFIG = Symbol('KUHINA_CONFIG');
export const PRIVACY_SECRETS = Symbol('PRIVACY_SECRETS');
/** Where the secrets came from (`SecretsOrigin`), for the start-up banner's warning when they sit beside the data. */
export const SECRETS_ORIGIN = Symbol('SECRETS_ORIGIN');
const LOADED_SECRETS = Symbol('LOADED_SECRETS');

/** Closes the stores last, after Nest has stopped taking requests (no half-written transaction). */
class StoresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    await this.keys.close();
  }
}

function withBreaksLogged(integrity: ChainIntegrity): ChainIntegrity {
  const logger = new Logger('Integrity');
  integrity.onBreak((found) => logger.error(`${describeBreak(found)}. Writes to this stream are refused and its views no longer follow it.`));
  return integrity;
}

/**
 * The write side shared by the API and the CLI: event store (embedded SQLite or KurrentDB), the generic
 * command handler, the personal-data vault, and the CQRS handlers every entry point dispatches to.
 */
@Module({})
export class KuhinaCoreModule {
  static forRoot(config: KuhinaConfig): DynamicModule {
    return {
      module: KuhinaCoreModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: KUHINA_CONFIG, useValue: config },
        { provide: LOADED_SECRETS, useFactory: (): LoadedSecrets => loadSecrets({ dataDir: config.dataDir, secretsFile: config.secretsFile }) },
        { provide: PRIVACY_SECRETS, useFactory: (loaded: LoadedSecrets): PrivacySecrets => loaded.secrets, inject: [LOADED_SECRETS] },
        { provide: SECRETS_ORIGIN, useFactory: (loaded: LoadedSecrets): SecretsOrigin => loaded.origin, inject: [LOADED_SECRETS] },
        // Known breaks of the hash chain, shared by the write path, the projector and /health; each one logged once, as found.
        { provide: CHAIN_INTEGRITY, useFactory: () => withBreaksLogged(new ChainIntegrity()) },
        {
          provide: EVENT_STORE,
          useFactory: (integrity: ChainIntegrity) => createEventStore({ dataDir: config.dataDir, kurrentdbUrl: config.kurrentdbUrl, synchronous: config.sqliteSynchronous }, { integrity }),
          inject: [CHAIN_INTEGRITY],
        },
        { provide: CommandHandler, useFactory: (store: EventStore) => new CommandHandler(store), inject: [EVENT_STORE] },
        // Keys stay in the data folder even with KurrentDB: a key must be truly deletable, which an append-only log is not.
        { provide: KEY_STORE, useFactory: (secrets: PrivacySecrets) => new SqliteKeyStore(config.dataDir, secrets.masterKey), inject: [PRIVACY_SECRETS] },
        { provide: PersonalDataCipher, useFactory: (keys: KeyStore) => new PersonalDataCipher(keys), inject: [KEY_STORE] },
        { provide: BlindIndex, useFactory: (secrets: PrivacySecrets) => new BlindIndex(secrets.blindIndexKey), inject: [PRIVACY_SECRETS] },
        StoresLifecycle,
        { provide: BusinessTimePolicy, useValue: new BusinessTimePolicy(config.backdateMarginDays) },
        // The use cases, one per folder: the API's controllers, the CLI and the demo seed dispatch to the same ones.
        ExecuteDomainCommandHandler,
        RegisterPersonHandler,
        PlanWorkshopHandler,
        RegisterParticipantHandler,
        CancelRegistrationHandler,
        PersonalDataEraser,
        ErasePersonHandler,
        SealLogHandler,
      ],
      exports: [KUHINA_CONFIG, BusinessTimePolicy, PRIVACY_SECRETS, SECRETS_ORIGIN, CHAIN_INTEGRITY, EVENT_STORE, CommandHandler, KEY_STORE, PersonalDataCipher, BlindIndex, PersonalDataEraser, CqrsModule],
    };
  }
}
