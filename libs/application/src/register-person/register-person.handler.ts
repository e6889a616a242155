import { Inject } from '@nestjs/common';
import { CommandHandler as CqrsCommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, esfProfileOf, emailClaimDecider, emailClaimStream, emailOwner, personDecider, personStream, PersonErrors, type EmailClaimCommand, type PersonCommand } from '@kuhina/domain';
import { CommandHandler, deriveCommandId } from '@kuhina/event-store';
import { BlindIndex, PersonalDataCipher } from '@kuhina/privacy';
import { DomainCommandExecutor } from '../execute-domain-command/domain-command-executor';
import { requireOrganizations } from '../execute-domain-command/reference-checks';
import { RegisterPerson, type RegisterPersonResult } from './register-person.command';

@CqrsCommandHandler(RegisterPerson)
export class RegisterPersonHandler implements ICommandHandler<RegisterPerson, RegisterPersonResult> {
  constructor(
    @Inject(CommandHandler) private readonly handler: CommandHandler,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(BlindIndex) private readonly blindIndex: BlindIndex,
  ) {
    this.commands = new DomainCommandExecutor(handler);
  }

  private readonly commands: DomainCommandExecutor;

  async execute({ data, context }: RegisterPerson): Promise<RegisterPersonResult> {
    // Before the e-mail is claimed: a refusal must leave nothing behind.
    await requireOrganizations(this.handler, [data.organizationId]);
    const blind = data.personalData.email ? this.blindIndex.email(data.personalData.email) : null;
    const personId = data.personId ?? deriveCommandId(context.commandId, 'person');

    if (blind) {
      // Reserve the e-mail first: the reservation stream's optimistic concurrency makes the e-mail
      // unique across persons even when two registrations race, without a table of e-mails in clear.
      const existing = emailOwner((await this.handler.loadFresh(emailClaimDecider, emailClaimStream(blind))).state);
      if (existing && existing !== personId) return this.foundAgain(existing);
      try {
        const claim: EmailClaimCommand = { type: 'ClaimEmail', data: { blindIndex: blind, personId }, at: data.at };
        await this.commands.execute('emailClaim', claim, { ...context, commandId: deriveCommandId(context.commandId, 'email-claim') });
      } catch (error) {
        if (error instanceof DomainError && error.code === PersonErrors.EMAIL_TAKEN && typeof error.details.personId === 'string') {
          return this.foundAgain(error.details.personId);
        }
        throw error;
      }
    }

    const current = await this.handler.loadFresh(personDecider, personStream(personId));
    if (current.state.status !== 'empty') {
      // A retry of this very command (same command id) answers as the first time did: created, at its position.
      const previous = await this.handler.previousResult(personDecider, personStream(personId), context.commandId);
      return previous
        ? { personId, created: true, duplicate: true, position: previous.position, revision: current.revision }
        : { personId, created: false, duplicate: false, position: current.position, revision: current.revision };
    }

    const personalData = await this.cipher.encrypt(personId, data.personalData);
    // The ESF+ categories go in clear beside the sealed data: the indicators must survive an erasure.
    const esfProfile = esfProfileOf(data.personalData.esf, data.at);
    const create: PersonCommand = { type: 'CreatePerson', data: { personId, personalData, emailBlindIndex: blind, organizationId: data.organizationId, esfProfile }, at: data.at };
    const result = await this.commands.execute('person', create, context);
    // A duplicate here is this command raced by its own retry: still the creation.
    return { personId, created: true, duplicate: result.duplicate, position: result.position, revision: result.revision };
  }

  /** A person who already holds this e-mail: nothing is recorded; their id, head position and revision. */
  private async foundAgain(personId: string): Promise<RegisterPersonResult> {
    const { position, revision } = await this.handler.loadFresh(personDecider, personStream(personId));
    return { personId, created: false, duplicate: false, position, revision };
  }
}
