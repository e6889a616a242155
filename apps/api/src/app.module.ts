import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { KuhinaCoreModule, ReadModelModule, type KuhinaConfig } from '@kuhina/application';
import { AuthModule } from './common/auth/auth.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { IdempotencyStore } from './common/idempotency/idempotency.store';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { ViewReadInterceptor } from './common/http/view-read';
import { ViewsModule } from './common/views/views.module';
import { NetworkModule } from './network/network.module';
import { ChainsModule } from './chains/chains.module';
import { CollaborationsModule } from './collaborations/collaborations.module';
import { EventStoreHealthIndicator } from './health/event-store.health';
import { ReadModelHealthIndicator } from './health/read-model.health';
import { HealthHttpController } from './health/health.http.controller';
import { OrganizationsModule } from './organizations/organizations.module';
import { ResourcesModule } from './resources/resources.module';
import { PublicFormModule } from './public-form/public-form.module';
import { PeopleModule } from './people/people.module';
import { WorkshopResourcesModule } from './workshops/workshop-resources.module';
import { WorkshopsModule } from './workshops/workshops.module';
import { UiModule } from './ui/ui.module';
import { AuditModule } from './audit/audit.module';
import { ReadWorkersModule } from './common/read-workers/read-workers.module';
import type { ReadWorkerSettings } from './common/read-workers/read-workers';

class IdempotencyLifecycle implements OnApplicationShutdown {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore | null) {}
  onApplicationShutdown(): void {
    this.store?.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(config: KuhinaConfig, readWorkers: ReadWorkerSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KuhinaCoreModule.forRoot(config),
        ReadModelModule.forRoot(config, { runProjector: config.projector === 'embedded' }),
        ReadWorkersModule.forRoot(config, readWorkers),
        AuthModule.forRoot({ apiKeys: config.apiKeys, dataDir: config.dataDir }),
        TerminusModule.forRoot({ logger: false }),
        ViewsModule,
        ChainsModule,
        NetworkModule,
        OrganizationsModule,
        ResourcesModule,
        PublicFormModule,
        PeopleModule,
        WorkshopsModule,
        WorkshopResourcesModule,
        CollaborationsModule,
        UiModule,
        AuditModule,
      ],
      controllers: [HealthHttpController],
      providers: [
        EventStoreHealthIndicator,
        ReadModelHealthIndicator,
        // Only where the events are not in SQLite: the embedded store claims keys in its own transactions (no file, no fsync).
        { provide: IdempotencyStore, useFactory: () => (config.kurrentdbUrl ? new IdempotencyStore(config.dataDir) : null) },
        IdempotencyLifecycle,
        ViewReadInterceptor,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
