import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PersonErrors } from '@kuhina/domain';
import { PersonalDataCipher, type EsfCharacteristics } from '@kuhina/privacy';
import { PERSON_DETAIL_COLLECTION, type PersonDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
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
  /** The person stream's revision after the last event the view applied: the ETag. */
  revision: number;
}

/**
 * Decrypts the sealed personal data the person view keeps (exactly as the events carry it) with the key store; only
 * back-office keys reach it. Erasing by destroying the key makes the view's copy unreadable too.
 */
@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery, PersonQueryResult> {
  constructor(
    @Inject(ViewReader) private readonly views: ViewReader,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ personId }: GetPersonQuery): Promise<PersonQueryResult> {
    const view = await this.views.one<PersonDetailView>(PERSON_DETAIL_COLLECTION, personId, PersonErrors.NOT_FOUND, 'person', { personId });
    const { revision } = view;
    const erased: PersonQueryResult = { person: { id: view.personId, status: 'erased' }, revision };
    if (view.status === 'erased' || view.personalData === null) return erased;
    const data = await this.cipher.decrypt(view.personalData);
    // A destroyed key without the erasure event yet (erasure under way): the data is gone all the same.
    if (data === null) return erased;
    return {
      revision,
      person: { id: view.personId, status: 'active', name: data.name, email: data.email, phone: data.phone, esf: data.esf ?? null, organizationId: view.organizationId },
    };
  }
}
