import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { CHAIN_INTEGRITY, type ChainIntegrity } from '@kuhina/event-store';
import { STARTUP_INTEGRITY_CHECK, type StartupIntegrityCheck } from '@kuhina/application';
import { Public } from '../common/auth/roles.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { ReadModelHealthIndicator } from './read-model.health';
import { integrityHealth } from './integrity.health';

/** Terminus's report, with `degraded` added: every part answers, but the log is known to have been altered. */
export type HealthReport = Omit<HealthCheckResult, 'status'> & { status: HealthCheckResult['status'] | 'degraded' };

@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly views: ReadModelHealthIndicator,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
    @Inject(STARTUP_INTEGRITY_CHECK) private readonly startUpCheck: StartupIntegrityCheck | null,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.eventStore.check(), () => this.views.check()]);
    } catch (error) {
      // Terminus throws its report as a 503: answer it as it is (what is down, and why), not as a generic problem.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      result = error.getResponse() as HealthCheckResult;
    }
    // Integrity is reported beside terminus's indicators, not as one of them: a break degrades the node (200), it does not take it down (see integrityHealth).
    const integrity = integrityHealth(this.integrity, this.startUpCheck?.status ?? null);
    const report: HealthReport = { ...result, details: { ...result.details, integrity } };
    if (integrity.status === 'up') return { ...report, info: { ...result.info, integrity } };
    return { ...report, status: result.status === 'ok' ? 'degraded' : result.status, error: { ...result.error, integrity } };
  }
}
