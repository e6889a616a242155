import { Controller, Get } from '@nestjs/common';
import { Public } from '../common/auth/roles.decorator';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';

@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check()]);
  }
}
