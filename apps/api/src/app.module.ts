import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KuhinaCoreModule, type KuhinaConfig } from '@kuhina/application';
import { EventStoreHealthIndicator } from './health/event-store.health';
import { HealthHttpController } from './health/health.http.controller';

@Module({})
export class AppModule {
  static forRoot(config: KuhinaConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [KuhinaCoreModule.forRoot(config), TerminusModule.forRoot({ logger: false })],
      controllers: [HealthHttpController],
      providers: [EventStoreHealthIndicator],
    };
  }
}
