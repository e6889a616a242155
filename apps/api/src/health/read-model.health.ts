import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, errorMessage, type EventStore } from '@kuhina/event-store';
import { PROJECTOR, ReadModelPosition } from '@kuhina/application';
import type { Projector } from '@kuhina/read-model';

/**
 * The views: how far the projector has got against the head of the log, and whether its last batch failed.
 * Down while the projector in this process keeps failing (it retries on its own; reads meanwhile answer stale
 * views, and `consistentWith` reads 503). Being behind is not down: a rebuild or a burst of writes is.
 * With the projector in another process (`KUHINA_PROJECTOR=external`) only the position is known here.
 */
@Injectable()
export class ReadModelHealthIndicator {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly position: ReadModelPosition,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'views'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      const [position, head] = await Promise.all([this.position.current(), this.store.headPosition()]);
      const details = {
        projector: this.projector ? 'in-process' : 'external',
        position: position === null ? null : position.toString(),
        headPosition: head === null ? null : head.toString(),
        caughtUp: head === null || (position !== null && position >= head),
      };
      const error = this.projector?.error;
      if (error) return indicator.down({ ...details, failures: this.projector!.failures, message: errorMessage(error) });
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
