import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, errorMessage, type EventStore } from '@kuhina/event-store';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      const head = await this.store.headPosition();
      return indicator.up({ headPosition: head === null ? null : head.toString() });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
