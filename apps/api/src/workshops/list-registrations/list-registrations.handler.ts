import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors, countRegistrations, type FormAnswers, type RegistrationCounts } from '@kuhina/domain';
import { PersonalDataCipher } from '@kuhina/privacy';
import {
  INVITATIONS_OF_INDEX,
  PERSON_DETAIL_COLLECTION,
  REGISTRATIONS_OF_INDEX,
  WORKSHOP_REGISTRATIONS_COLLECTION,
  placeOnWaitlist,
  type PersonDetailView,
  type RegistrationDocument,
  type ViewDocument,
  type WorkshopRegistration,
  type WorkshopRegistrationsView,
} from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { ListRegistrationsQuery } from './list-registrations.query';

export interface RegistrationWithPerson extends Omit<WorkshopRegistration, 'form'> {
  /** Decrypted at query time (backoffice only); null fields when the person's data was erased. */
  person: { name: string | null; email: string | null; erased: boolean };
  /** Made through the public form: the link and the answers, decrypted (null once the person was erased); null: typed in. */
  viaForm: { linkId: string; answers: FormAnswers | null } | null;
}

/** The same counts as GET /workshops/:id: the registrations folded by the domain's counting function, invitations beside them. */
export type RegistrationsCounts = Pick<RegistrationCounts, 'registered' | 'waitlisted' | 'cancelled' | 'attended'> & { invited: number };

export interface RegistrationsAnswer {
  workshopId: string;
  counts: RegistrationsCounts;
  registrations: RegistrationWithPerson[];
}

/** A registration as the answer shows it: its document without the bookkeeping fields (workshop, order, position). */
function registrationOf(doc: RegistrationDocument): Omit<WorkshopRegistration, 'form'> & { form: WorkshopRegistration['form'] } {
  const { registrationId, personId, organizationId, attendanceMode, status, waitlistPosition, registeredAt, waitlistedAt, promotedAt, cancelledAt } = doc;
  const { cancellationReason, attended, expectations, advanceQuestions, role, speaker } = doc;
  // Documents made before outreach have no attribution: none.
  const outreachId = doc.outreachId ?? null;
  return {
    registrationId, personId, organizationId, attendanceMode, status, waitlistPosition, registeredAt, waitlistedAt, promotedAt, cancelledAt,
    cancellationReason, attended, expectations, advanceQuestions, role, speaker, outreachId, form: doc.form ?? null,
  };
}

/**
 * The registrations view (one document per registration, listed in the order of registration), with each person's
 * name and e-mail decrypted for the back-office from the person view's sealed data (with the key store: a person
 * erased by destroying their key shows as erased).
 */
@QueryHandler(ListRegistrationsQuery)
export class ListRegistrationsHandler implements IQueryHandler<ListRegistrationsQuery, RegistrationsAnswer> {
  constructor(
    private readonly views: ViewReader,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ workshopId }: ListRegistrationsQuery): Promise<RegistrationsAnswer> {
    await this.views.one<WorkshopRegistrationsView>(WORKSHOP_REGISTRATIONS_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    // Waitlist places and counts follow from the registrations read here (the answer lists them all anyway): no event
    // renumbers a waitlist or moves a per-workshop counter. Pages are keyset pages in the order of registration, so a
    // registration made while they are read is at the end or not there, never twice nor in place of another.
    const listed = placeOnWaitlist((await this.all<RegistrationDocument>(REGISTRATIONS_OF_INDEX, workshopId)).map(registrationOf));
    const invited = (await this.all(INVITATIONS_OF_INDEX, workshopId)).length;
    // One person read per person, however many registrations they have here.
    const people = new Map<string, Promise<RegistrationWithPerson['person']>>();
    for (const { personId } of listed) if (!people.has(personId)) people.set(personId, this.personOf(personId));
    const registrations: RegistrationWithPerson[] = [];
    for (const { form, ...registration } of listed) registrations.push({ ...registration, person: await people.get(registration.personId)!, viaForm: await this.formOf(form) });
    const { registered, waitlisted, cancelled, attended } = countRegistrations(listed);
    return { workshopId, counts: { registered, waitlisted, cancelled, attended, invited }, registrations };
  }

  /** Every document of the collection with this index value, in order. */
  private all<T extends ViewDocument>(index: string, workshopId: string): Promise<T[]> {
    return this.views.all<T>(WORKSHOP_REGISTRATIONS_COLLECTION, index, workshopId);
  }

  /** The form's answers, opened with the person's key (gone with an erasure: then null). */
  private async formOf(form: WorkshopRegistration['form']): Promise<RegistrationWithPerson['viaForm']> {
    if (form === null) return null;
    return { linkId: form.linkId, answers: form.answers === null ? null : await this.cipher.decryptValue<FormAnswers>(form.answers) };
  }

  private async personOf(personId: string): Promise<RegistrationWithPerson['person']> {
    const person = await this.views.maybe<PersonDetailView>(PERSON_DETAIL_COLLECTION, personId);
    if (person === null || person.status !== 'active' || person.personalData === null) return { name: null, email: null, erased: person?.status === 'erased' };
    const data = await this.cipher.decrypt(person.personalData);
    // A destroyed key without the erasure event yet (erasure under way): the data is gone all the same.
    return data ? { name: data.name, email: data.email, erased: false } : { name: null, email: null, erased: true };
  }
}
