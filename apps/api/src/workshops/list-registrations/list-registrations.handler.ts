import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { personDecider, personStream } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import { PersonalDataCipher } from '@kuhina/privacy';
import type { WorkshopRegistration, WorkshopRegistrationsView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { ListRegistrationsQuery } from './list-registrations.query';

export interface RegistrationWithPerson extends WorkshopRegistration {
  /** Decrypted at query time (backoffice only); null fields when the person's data was erased. */
  person: { name: string | null; email: string | null; erased: boolean };
}

export interface RegistrationsAnswer {
  workshopId: string;
  counts: WorkshopRegistrationsView['counts'];
  registrations: RegistrationWithPerson[];
}

/** The registrations view, with each person's name and e-mail decrypted for the back-office. */
@QueryHandler(ListRegistrationsQuery)
export class ListRegistrationsHandler implements IQueryHandler<ListRegistrationsQuery, RegistrationsAnswer> {
  constructor(
    private readonly views: ViewReader,
    private readonly handler: CommandHandler,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ workshopId }: ListRegistrationsQuery): Promise<RegistrationsAnswer> {
    const view = await this.views.one<WorkshopRegistrationsView>('workshop-registrations', workshopId, 'WORKSHOP.NOT_FOUND', 'workshop');
    const registrations: RegistrationWithPerson[] = [];
    for (const registration of Object.values(view.registrations)) {
      registrations.push({ ...registration, person: await this.personOf(registration.personId) });
    }
    return { workshopId, counts: view.counts, registrations };
  }

  private async personOf(personId: string): Promise<RegistrationWithPerson['person']> {
    const { state } = await this.handler.load(personDecider, personStream(personId));
    if (state.status !== 'active') return { name: null, email: null, erased: state.status === 'erased' };
    const data = await this.cipher.decrypt(state.personalData);
    return data ? { name: data.name, email: data.email, erased: false } : { name: null, email: null, erased: true };
  }
}
