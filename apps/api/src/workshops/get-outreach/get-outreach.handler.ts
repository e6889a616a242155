import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors } from '@kuhina/domain';
import { PersonalDataCipher } from '@kuhina/privacy';
import {
  CHAIN_LESSONS_COLLECTION,
  ORGANIZATION_LIST_COLLECTION,
  OUTREACH_CONTACTS_OF_INDEX,
  PERSON_DETAIL_COLLECTION,
  REGISTRATIONS_OF_INDEX,
  WORKSHOP_CHAIN_COLLECTION,
  WORKSHOP_DETAIL_COLLECTION,
  WORKSHOP_REGISTRATIONS_COLLECTION,
  type ChainLessonsChainDocument,
  type OrganizationListView,
  type OutreachContactDocument,
  type PersonDetailView,
  type RegistrationDocument,
  type WorkshopChainView,
  type WorkshopDetailOutreach,
  type WorkshopDetailView,
} from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetOutreachQuery } from './get-outreach.query';
import { outreachList, pastParticipants, type OutreachCandidate, type OutreachList, type SourceWorkshop } from './outreach-list';

/** One person on the list, with what the mailing tool needs (decrypted for the back office). */
export interface OutreachPerson extends Omit<OutreachCandidate, 'organizationId'> {
  name: string;
  /** null: the person gave none (the mailing tool cannot reach them by e-mail). */
  email: string | null;
  organization: { organizationId: string; name: string | null } | null;
}

/** An outreach recorded for the workshop, with the registrations (not cancelled) that followed it. */
export type OutreachRecord = WorkshopDetailOutreach & { registrations: number };

export interface OutreachAnswer {
  workshop: Pick<WorkshopDetailView, 'workshopId' | 'title' | 'startsAt' | 'chainId' | 'access' | 'status'>;
  includeEarlierChains: boolean;
  /** The chains and workshops the list is drawn from: the chain's workshops before this one, then each chain it follows. */
  drawnFrom: { chainId: string; name: string | null; workshops: Array<Pick<SourceWorkshop, 'workshopId' | 'title' | 'startsAt'>> }[];
  people: OutreachPerson[];
  excluded: OutreachList['excluded'];
  outreaches: OutreachRecord[];
}

/** A succession line longer than this is a data error: stop rather than loop. */
const MAX_EARLIER_CHAINS = 20;

/**
 * GET /workshops/:id/outreach from the views: the chain's workshops (workshop-chain), the registrations of each
 * (workshop-registrations), each person's consent and erasure (people), who the workshop's outreach told already.
 * Names and e-mails are decrypted with the key store, as in the registrations list.
 */
@QueryHandler(GetOutreachQuery)
export class GetOutreachHandler implements IQueryHandler<GetOutreachQuery, OutreachAnswer> {
  constructor(
    private readonly views: ViewReader,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ workshopId, includeEarlierChains }: GetOutreachQuery): Promise<OutreachAnswer> {
    const detail = await this.views.one<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    const drawnFrom = await this.sourcesOf(detail, includeEarlierChains);
    const sources = drawnFrom.flatMap((chain) => chain.workshops.map((w) => ({ ...w, chainId: chain.chainId })));
    // The reads are independent: issued together, not one round trip after another (MongoDB).
    const registrations = new Map<string, RegistrationDocument[]>(
      await Promise.all(sources.map(async (source) => [source.workshopId, await this.views.all<RegistrationDocument>(WORKSHOP_REGISTRATIONS_COLLECTION, REGISTRATIONS_OF_INDEX, source.workshopId)] as const)),
    );
    const target = await this.views.all<RegistrationDocument>(WORKSHOP_REGISTRATIONS_COLLECTION, REGISTRATIONS_OF_INDEX, workshopId);
    const contacts = await this.views.all<OutreachContactDocument>(WORKSHOP_REGISTRATIONS_COLLECTION, OUTREACH_CONTACTS_OF_INDEX, workshopId);
    const people = new Map<string, PersonDetailView | null>(
      await Promise.all([...pastParticipants({ sources, registrations }).keys()].map(async (personId) => [personId, await this.views.maybe<PersonDetailView>(PERSON_DETAIL_COLLECTION, personId)] as const)),
    );
    const list = outreachList({ sources, registrations, target, people, contacts: new Map(contacts.map((c) => [c.personId, c])) });

    const listed: OutreachPerson[] = [];
    const organizations = new Map<string, Promise<string | null>>();
    const organizationName = (id: string) => {
      if (!organizations.has(id)) organizations.set(id, this.views.maybe<OrganizationListView>(ORGANIZATION_LIST_COLLECTION, id).then((org) => org?.name ?? null));
      return organizations.get(id)!;
    };
    for (const { organizationId, ...candidate } of list.candidates) {
      const data = await this.cipher.decrypt(people.get(candidate.personId)!.personalData!);
      // A destroyed key without the erasure event yet (erasure under way): the person is gone all the same.
      if (data === null) {
        list.excluded.byReason.erased++;
        list.excluded.total++;
        continue;
      }
      const organization = organizationId === null ? null : { organizationId, name: await organizationName(organizationId) };
      const { personId, tookPart, consent, alreadyTold } = candidate;
      listed.push({ personId, name: data.name, email: data.email, organization, tookPart, consent, alreadyTold });
    }
    const outreaches = (detail.outreach ?? []).map((o) => ({ ...o, registrations: target.filter((r) => r.outreachId === o.outreachId && r.status !== 'cancelled').length }));
    const { title, startsAt, chainId, access, status } = detail;
    return { workshop: { workshopId, title, startsAt, chainId, access, status }, includeEarlierChains, drawnFrom, people: listed, excluded: list.excluded, outreaches };
  }

  /** The workshop's chain's workshops before it (not cancelled), then, if asked, every workshop of each earlier chain. */
  private async sourcesOf(detail: WorkshopDetailView, includeEarlierChains: boolean): Promise<OutreachAnswer['drawnFrom']> {
    if (detail.chainId === null) return [];
    const drawnFrom: OutreachAnswer['drawnFrom'] = [];
    const seen = new Set<string>();
    for (let chainId: string | null = detail.chainId; chainId !== null && !seen.has(chainId) && drawnFrom.length <= MAX_EARLIER_CHAINS; ) {
      seen.add(chainId);
      const chain: WorkshopChainView | null = await this.views.maybe<WorkshopChainView>(WORKSHOP_CHAIN_COLLECTION, chainId);
      const lessons: ChainLessonsChainDocument | null = await this.views.maybe<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, chainId);
      const before = (w: { workshopId: string; startsAt: string }) => chainId !== detail.chainId || (w.workshopId !== detail.workshopId && w.startsAt < detail.startsAt);
      const workshops = (chain?.workshops ?? []).filter((w) => w.status !== 'cancelled' && before(w)).map(({ workshopId, title, startsAt }) => ({ workshopId, title, startsAt }));
      drawnFrom.push({ chainId, name: chain?.name ?? lessons?.name ?? null, workshops });
      if (!includeEarlierChains) break;
      chainId = lessons?.kind === 'chain' ? lessons.followsChainId : null;
    }
    return drawnFrom;
  }
}
