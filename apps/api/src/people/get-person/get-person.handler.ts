import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound, personDecider, PersonErrors, personStream } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import { PersonalDataCipher, type EsfCharacteristics } from '@kuhina/privacy';
import { GetPersonQuery } from './get-person.query';

export interface ActivePersonView {
  id: string;
  status: 'active';
  name: string;
  email: string | null;
  phone: string | null;
  esf: EsfCharacteristics | null;
  organizationId: string | null;
}

/** After erasure nothing personal is left to show, not even the affiliation. */
export interface ErasedPersonView {
  id: string;
  status: 'erased';
}

export type PersonView = ActivePersonView | ErasedPersonView;

export interface PersonQueryResult {
  person: PersonView;
  revision: number;
}

/** Decrypts the person's sealed data from the aggregate's state; only back-office keys reach it. */
@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery, PersonQueryResult> {
  constructor(
    @Inject(CommandHandler) private readonly handler: CommandHandler,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ personId }: GetPersonQuery): Promise<PersonQueryResult> {
    const { state, revision } = await this.handler.loadFresh(personDecider, personStream(personId));
    if (state.status === 'empty') throw notFound(PersonErrors.NOT_FOUND, `No person ${personId}`, { personId });
    const erased: PersonQueryResult = { person: { id: state.personId, status: 'erased' }, revision };
    if (state.status === 'erased') return erased;
    const data = await this.cipher.decrypt(state.personalData);
    // A destroyed key without the erasure event yet (erasure under way): the data is gone all the same.
    if (data === null) return erased;
    return {
      revision,
      person: { id: state.personId, status: 'active', name: data.name, email: data.email, phone: data.phone, esf: data.esf ?? null, organizationId: state.organizationId },
    };
  }
}
