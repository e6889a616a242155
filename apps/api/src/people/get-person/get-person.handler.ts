import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CONSENT_PURPOSES, consentHistory, consentOn, LATEST_DAY, PersonErrors, type ConsentPurpose, type ConsentSource } from '@kuhina/domain';
import { PersonalDataCipher, type EsfCharacteristics } from '@kuhina/privacy';
import { PERSON_DETAIL_COLLECTION, personEntity, type PersonDetailView } from '@kuhina/read-model';
import { historyOf, type ChainHistory } from '../../common/views/entity-history';
import { ViewReader } from '../../common/views/view-reader';
import { GetPersonQuery } from './get-person.query';

type PersonConsentEntry = NonNullable<PersonDetailView['consents']>[number];

export interface ConsentHistoryEntry {
  action: 'given' | 'withdrawn';
  /** The day the person gave or withdrew it. */
  on: string;
  source: ConsentSource;
  wordingVersion: string | null;
  /** Business time of the event. */
  occurredAt: string;
}

/** One purpose: the consent as it stands (withdrawals win) and every record behind it, in date order. */
export interface ConsentView {
  given: boolean;
  /** The day of the record the answer rests on (the latest consent, or the withdrawal that beats it); null: never asked. */
  since: string | null;
  source: ConsentSource | null;
  wordingVersion: string | null;
  history: ConsentHistoryEntry[];
}

export interface ActivePersonView {
  id: string;
  status: 'active';
  name: string;
  email: string | null;
  phone: string | null;
  esf: EsfCharacteristics | null;
  organizationId: string | null;
  /** Every purpose, asked or not, so that a reader never mistakes a missing key for a consent. */
  consents: Record<ConsentPurpose, ConsentView>;
  /** Every chain the person took part in (chains by period, workshops in chain order), with the roles and attendance in each workshop. */
  chains: ChainHistory[];
}

/**
 * After erasure nothing personal is left to show, not even the affiliation, nor the chains: the chain-lessons view keeps
 * the person's workshop ids and roles (no personal data; organisations' histories and chains' counts rest on them), but
 * the person's own record answers only that it was erased.
 */
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
      person: {
        id: view.personId,
        status: 'active',
        name: data.name,
        email: data.email,
        phone: data.phone,
        esf: data.esf ?? null,
        organizationId: view.organizationId,
        consents: consentsOf(view.consents ?? []),
        chains: await historyOf(this.views, personEntity(view.personId)),
      },
    };
  }
}

/** The domain's rule (consentOn) over the view's records: the answer and the outreach lists read consent alike. */
export function consentsOf(entries: readonly PersonConsentEntry[]): Record<ConsentPurpose, ConsentView> {
  const one = (purpose: ConsentPurpose): ConsentView => {
    const { given, basis } = consentOn(entries, purpose, LATEST_DAY);
    const history = consentHistory(entries, purpose).map(({ action, on, source, wordingVersion, at }) => ({ action, on, source, wordingVersion, occurredAt: at }));
    return { given, since: basis?.on ?? null, source: basis?.source ?? null, wordingVersion: basis?.wordingVersion ?? null, history };
  };
  return Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, one(purpose)])) as Record<ConsentPurpose, ConsentView>;
}
