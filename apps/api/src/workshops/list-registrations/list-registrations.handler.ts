import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors, type RegistrationCounts } from '@kuhina/domain';
import { PersonalDataCipher } from '@kuhina/privacy';
import { PERSON_DETAIL_COLLECTION, WORKSHOP_REGISTRATIONS_COLLECTION, type PersonDetailView, type WorkshopRegistration, type WorkshopRegistrationsView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { ListRegistrationsQuery } from './list-registrations.query';

export interface RegistrationWithPerson extends WorkshopRegistration {
  /** Decrypted at query time (backoffice only); null fields when the person's data was erased. */
  person: { name: string | null; email: string | null; erased: boolean };
}

/** The same counts as GET /workshops/:id: the registrations folded by the domain's counting function, invitations beside them. */
export type RegistrationsCounts = Pick<RegistrationCounts, 'registered' | 'waitlisted' | 'cancelled' | 'attended'> & { invited: number };

export interface RegistrationsAnswer {
  workshopId: string;
  counts: RegistrationsCounts;
  registrations: RegistrationWithPerson[];
}

/**
 * The registrations view, with each person's name and e-mail decrypted for the back-office from the person view's
 * sealed data (with the key store: a person erased by destroying their key shows as erased).
 */
@QueryHandler(ListRegistrationsQuery)
export class ListRegistrationsHandler implements IQueryHandler<ListRegistrationsQuery, RegistrationsAnswer> {
  constructor(
    private readonly views: ViewReader,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ workshopId }: ListRegistrationsQuery): Promise<RegistrationsAnswer> {
    const view = await this.views.one<WorkshopRegistrationsView>(WORKSHOP_REGISTRATIONS_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    const listed = Object.values(view.registrations);
    // One person read per person, however many registrations they have here.
    const people = new Map<string, Promise<RegistrationWithPerson['person']>>();
    for (const { personId } of listed) if (!people.has(personId)) people.set(personId, this.personOf(personId));
    const registrations: RegistrationWithPerson[] = [];
    for (const registration of listed) registrations.push({ ...registration, person: await people.get(registration.personId)! });
    const { registered, waitlisted, cancelled, attended } = view.counts;
    return { workshopId, counts: { registered, waitlisted, cancelled, attended, invited: view.invited }, registrations };
  }

  private async personOf(personId: string): Promise<RegistrationWithPerson['person']> {
    const person = await this.views.maybe<PersonDetailView>(PERSON_DETAIL_COLLECTION, personId);
    if (person === null || person.status !== 'active' || person.personalData === null) return { name: null, email: null, erased: person?.status === 'erased' };
    const data = await this.cipher.decrypt(person.personalData);
    // A destroyed key without the erasure event yet (erasure under way): the data is gone all the same.
    return data ? { name: data.name, email: data.email, erased: false } : { name: null, email: null, erased: true };
  }
}
