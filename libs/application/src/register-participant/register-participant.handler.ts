import { Optional } from '@nestjs/common';
import { CommandBus, CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  PersonErrors,
  conflict,
  personDecider,
  personStream,
  registrationStatus,
  requireRegistrable,
  workshopDecider,
  workshopStream,
  type EncryptedPersonalData,
  type FormAnswers,
  type RegistrationStatus,
  type WorkshopState,
} from '@kuhina/domain';
import { PersonalDataCipher } from '@kuhina/privacy';
import { CommandHandler, deriveCommandId, type CommandResult } from '@kuhina/event-store';
import { RegisterPerson, type RegisterPersonResult } from '../register-person/register-person.command';
import { BusinessTimePolicy } from '../business-time/business-time';
import { DomainCommandExecutor } from '../execute-domain-command/domain-command-executor';
import { requireOrganizations } from '../execute-domain-command/reference-checks';
import { laterPosition, stepContext } from '../use-case-steps';
import { RegisterParticipantCommand, type RegistrationDetails } from './register-participant.command';

export interface RegisterParticipantResult {
  workshop: CommandResult<WorkshopState>;
  personId: string;
  /** From the event this command appended; without one (the registration existed already), its status now. */
  status: RegistrationStatus;
  /** The later of the person step (if any) and the registration. */
  position: bigint | null;
}

@CqrsHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, RegisterParticipantResult> {
  private readonly commands: DomainCommandExecutor;

  constructor(
    private readonly handler: CommandHandler,
    private readonly bus: CommandBus,
    private readonly cipher: PersonalDataCipher,
    @Optional() policy?: BusinessTimePolicy,
  ) {
    this.commands = new DomainCommandExecutor(handler, policy);
  }

  async execute({ workshopId, registrationId, participant, details, at, context }: RegisterParticipantCommand): Promise<RegisterParticipantResult> {
    // The inline person's organisation too, before the person is created; the rest is checked with the command.
    await requireOrganizations(this.handler, [details.organizationId, 'person' in participant ? participant.person.organizationId : null]);

    let personId: string;
    let personPosition: bigint | null = null;
    if ('personId' in participant) {
      personId = participant.personId;
    } else {
      // A refusal must change nothing: find out before a person is created whether this registration can succeed.
      await this.refuseEarly(workshopId, registrationId, details);
      const { organizationId, ...personalData } = participant.person;
      const person = await this.bus.execute<RegisterPerson, RegisterPersonResult>(
        // A person is a register fact: recorded now unless the request said when (business-dates.ts, CreatePerson).
        new RegisterPerson({ personalData, organizationId, at: at ?? new Date().toISOString() }, stepContext(context, deriveCommandId(context.commandId, 'person'))),
      );
      personId = person.personId;
      personPosition = person.position;
    }

    const { form, ...rest } = details;
    const sealed = form ? { form: { linkId: form.linkId, answers: form.answers === null ? null : await this.seal(personId, form.answers) } } : {};
    const workshop = await this.commands.execute('workshop', { type: 'RegisterParticipant', data: { workshopId, registrationId, personId, ...rest, ...sealed }, at }, context);
    return { workshop, personId, status: statusOf(workshop, registrationId), position: laterPosition(personPosition, workshop.position) };
  }

  /** The form's answers sealed with the person's own key: erasing the person makes them unreadable with the rest. */
  private async seal(personId: string, answers: FormAnswers): Promise<EncryptedPersonalData> {
    const { state } = await this.handler.load(personDecider, personStream(personId));
    if (state.status !== 'active') throw conflict(PersonErrors.ERASED, `The personal data of ${personId} was erased; the person cannot take part any more`, { personId });
    return this.cipher.encryptValue(personId, answers, state.personalData.keyId);
  }

  /** The registration's own checks that do not depend on the person, asked of the pure domain before the person is created. */
  private async refuseEarly(workshopId: string, registrationId: string, details: RegistrationDetails): Promise<void> {
    const { state } = await this.handler.loadFresh(workshopDecider, workshopStream(workshopId));
    // The form's link is checked too (a revoked link registers nobody, and creates nobody); its answers are not the domain's.
    const { form, ...rest } = details;
    requireRegistrable(state, { workshopId, registrationId, ...rest, form: form ? { linkId: form.linkId, answers: null } : null });
  }
}

function statusOf(result: CommandResult<WorkshopState>, registrationId: string): RegistrationStatus {
  // On a retry `events` are those the first attempt appended, so the answer is the same as the first time.
  const appended = result.events.find((event) => event.type === 'ParticipantRegistered' || event.type === 'ParticipantWaitlisted');
  if (appended) return appended.type === 'ParticipantRegistered' ? 'registered' : 'waitlisted';
  const status = registrationStatus(result.state, registrationId);
  if (status === null) throw new Error(`Registration ${registrationId} is missing from workshop ${result.stream} after it was accepted`);
  return status;
}
