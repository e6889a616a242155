import { CommandBus, CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, idMapGet, idMapHas, WorkshopErrors, workshopDecider, workshopStream, type RegistrationEntry, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, deriveCommandId, type CommandResult } from '@kuhina/event-store';
import { RegisterPerson, type RegisterPersonResult } from '@kuhina/application';
import { requireOrganizations, requirePerson } from '../../common/references/reference.checks';
import { laterPosition, stepContext } from '../workshop-steps';
import { RegisterParticipantCommand, type RegistrationDetails } from './register-participant.command';

export interface RegisterParticipantResult {
  workshop: CommandResult<WorkshopState>;
  personId: string;
  /** From the event this command appended; without one (the registration existed already), its status now. */
  status: RegistrationEntry['status'];
  /** The later of the person step (if any) and the registration. */
  position: bigint | null;
}

/** Stands for the person in the early check: an id no registration can hold. */
const SOMEONE = 'someone-not-yet-known';

@CqrsHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, RegisterParticipantResult> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly bus: CommandBus,
  ) {}

  async execute({ workshopId, registrationId, participant, details, at, context }: RegisterParticipantCommand): Promise<RegisterParticipantResult> {
    await requireOrganizations(this.handler, [details.organizationId, 'person' in participant ? participant.person.organizationId : null]);

    let personId: string;
    let personPosition: bigint | null = null;
    if ('personId' in participant) {
      personId = participant.personId;
      await requirePerson(this.handler, personId);
    } else {
      // A refusal must change nothing: find out before a person is created whether this registration can succeed.
      await this.refuseEarly(workshopId, registrationId, details, at);
      const { organizationId, ...personalData } = participant.person;
      const person = await this.bus.execute<RegisterPerson, RegisterPersonResult>(
        new RegisterPerson({ personalData, organizationId, at }, stepContext(context, deriveCommandId(context.commandId, 'person'))),
      );
      personId = person.personId;
      personPosition = person.position;
    }

    const workshop = await this.handler.handle(
      workshopDecider,
      workshopStream(workshopId),
      { type: 'RegisterParticipant', data: { workshopId, registrationId, personId, ...details }, at },
      context,
    );
    return { workshop, personId, status: statusOf(workshop, registrationId), position: laterPosition(personPosition, workshop.position) };
  }

  /** The decider is pure, so it can be asked in advance with a stand-in person; only the invitation depends on who it is. */
  private async refuseEarly(workshopId: string, registrationId: string, details: RegistrationDetails, at: string): Promise<void> {
    const { state } = await this.handler.loadFresh(workshopDecider, workshopStream(workshopId));
    // A known registration id is a retry (or a conflict the real command reports): nothing to predict.
    if (state.status !== 'empty' && idMapHas(state.registrations, registrationId)) return;
    try {
      workshopDecider.decide({ type: 'RegisterParticipant', data: { workshopId, registrationId, personId: SOMEONE, ...details }, at }, state);
    } catch (error) {
      if (error instanceof DomainError && error.code === WorkshopErrors.NOT_INVITED) return;
      throw error;
    }
  }
}

function statusOf(result: CommandResult<WorkshopState>, registrationId: string): RegistrationEntry['status'] {
  // On a retry `events` are those the first attempt appended, so the answer is the same as the first time.
  const appended = result.events.find((event) => event.type === 'ParticipantRegistered' || event.type === 'ParticipantWaitlisted');
  if (appended) return appended.type === 'ParticipantRegistered' ? 'registered' : 'waitlisted';
  const entry = result.state.status === 'empty' ? undefined : idMapGet(result.state.registrations, registrationId);
  if (!entry) throw new Error(`Registration ${registrationId} is missing from workshop ${result.stream} after it was accepted`);
  return entry.status;
}
