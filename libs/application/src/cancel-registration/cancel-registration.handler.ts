import { Inject, Optional } from '@nestjs/common';
import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WaitlistedParticipantPromoted, WorkshopState } from '@kuhina/domain';
import { BusinessTimePolicy } from '../business-time/business-time';
import { DomainCommandExecutor } from '../execute-domain-command/domain-command-executor';
import { CommandHandler, EVENT_STORE, type CommandResult, type EventStore } from '@kuhina/event-store';
import { CancelRegistrationCommand } from './cancel-registration.command';

export interface CancelRegistrationResult {
  workshop: CommandResult<WorkshopState>;
  /** The waitlisted registration that got the freed seat, or null. */
  promoted: string | null;
}

@CqrsHandler(CancelRegistrationCommand)
export class CancelRegistrationHandler implements ICommandHandler<CancelRegistrationCommand, CancelRegistrationResult> {
  private readonly commands: DomainCommandExecutor;

  constructor(
    handler: CommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() policy?: BusinessTimePolicy,
  ) {
    this.commands = new DomainCommandExecutor(handler, policy);
  }

  async execute({ workshopId, registrationId, reason, at, context }: CancelRegistrationCommand): Promise<CancelRegistrationResult> {
    const workshop = await this.commands.execute('workshop', { type: 'CancelRegistration', data: { workshopId, registrationId, reason }, at }, context);
    // The result names the events (also those of the first attempt, on a retry) but not their data: read the promotion back.
    const promotion = workshop.events.find((event) => event.type === 'WaitlistedParticipantPromoted');
    if (!promotion) return { workshop, promoted: null };
    const [recorded] = await this.store.findByIds(workshop.stream, [promotion.id]);
    return { workshop, promoted: recorded ? (recorded.data as WaitlistedParticipantPromoted['data']).registrationId : null };
  }
}
