import { randomUUID } from 'node:crypto';
import { seededRandom } from '@kuhina/domain';
import type {
  ChainEvent,
  CollaborationEvent,
  DomainEvent,
  OrganizationEvent,
  OrganizationSector,
  PersonEvent,
  WorkshopEvent,
} from '@kuhina/domain';
import type { EventStore, EventToAppend } from '@kuhina/event-store';

export interface SyntheticHistoryOptions {
  chains: number;
  workshopsPerChain: number;
  people: number;
  organizations: number;
  registrationsPerWorkshop: number;
  /** Share of registered people who attend. */
  attendance: number;
  feedbackPerWorkshop: number;
  seed?: number;
  /** Called after each append with the events written so far. */
  onProgress?: (written: number) => void;
}

/** The benchmark scale: 100 chains, 5,000 workshops, 200,000 people, about 1,000,000 events. */
export const MILLION_EVENT_HISTORY: SyntheticHistoryOptions = {
  chains: 100,
  workshopsPerChain: 50,
  people: 200_000,
  organizations: 20_000,
  registrationsPerWorkshop: 75,
  attendance: 0.8,
  feedbackPerWorkshop: 12,
};


const SECTORS: OrganizationSector[] = ['public-administration', 'sme', 'social-enterprise', 'ngo', 'higher-education', 'research', 'other'];
const REGIONS = ['Uusimaa', 'Satakunta', 'Lappi', 'Pirkanmaa', 'Varsinais-Suomi', 'Pohjois-Pohjanmaa', 'Keski-Suomi'];

/**
 * Writes a realistic synthetic history (domain-shaped events, typed against the domain's event unions)
 * straight into an event store, one append per stream chunk: fast enough for a 1,000,000-event benchmark.
 * The people's personal data is an opaque placeholder of the encrypted shape (no real encryption: not needed to project).
 */
export async function writeSyntheticHistory(store: EventStore, options: SyntheticHistoryOptions): Promise<{ events: number; chainIds: string[] }> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let written = 0;
  const meta = (occurredAt: string) => ({ occurredAt, recordedAt: occurredAt, actor: 'synthetic', correlationId: 'synthetic-history', causationId: null, schemaVersion: 1 });
  const append = async (stream: string, events: Array<DomainEvent<string, unknown>>, at: (i: number) => string) => {
    const batch: EventToAppend[] = events.map((e, i) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: meta(at(i)) }));
    for (let i = 0; i < batch.length; i += 5000) {
      await store.append(stream, batch.slice(i, i + 5000), 'any');
      written += Math.min(5000, batch.length - i);
      options.onProgress?.(written);
    }
  };

  const orgIds = Array.from({ length: options.organizations }, () => randomUUID());
  for (const [i, organizationId] of orgIds.entries()) {
    const event: OrganizationEvent = {
      type: 'OrganizationRegistered',
      data: { organizationId, name: `Organisation ${i}`, sector: pick(SECTORS), municipality: null, region: pick(REGIONS), businessId: null, website: null, at: '2022-01-01T00:00:00.000Z' },
    };
    await append(`organization-${organizationId}`, [event], () => '2022-01-01T00:00:00.000Z');
  }

  const people = Array.from({ length: options.people }, () => ({ personId: randomUUID(), organizationId: pick(orgIds) }));
  for (const person of people) {
    const event: PersonEvent = {
      type: 'PersonCreated',
      data: {
        personId: person.personId,
        personalData: { alg: 'A256GCM', keyId: randomUUID(), iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'c3ludGhldGlj' },
        emailBlindIndex: null,
        organizationId: person.organizationId,
        at: '2022-06-01T00:00:00.000Z',
      },
    };
    await append(`person-${person.personId}`, [event], () => '2022-06-01T00:00:00.000Z');
  }

  const chainIds: string[] = [];
  for (let c = 0; c < options.chains; c++) {
    const chainId = randomUUID();
    chainIds.push(chainId);
    const year = 2023 + (c % 3);
    const started: ChainEvent = {
      type: 'ChainStarted',
      data: { chainId, name: `Chain ${c}`, description: 'synthetic', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `S${10000 + c}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, at: `${year}-01-01T08:00:00.000Z` },
    };
    await append(`chain-${chainId}`, [started], () => `${year}-01-01T08:00:00.000Z`);
    // A chain draws its participants mostly from its own community, so people return across its workshops.
    const community = Array.from({ length: Math.min(people.length, options.registrationsPerWorkshop * 8) }, () => pick(people));
    const workshopIds: string[] = [];
    for (let w = 0; w < options.workshopsPerChain; w++) {
      const workshopId = randomUUID();
      workshopIds.push(workshopId);
      const day = new Date(Date.UTC(year, 0, 15) + w * 5 * 86_400_000);
      const startsAt = new Date(day.getTime() + 9 * 3_600_000).toISOString();
      const endsAt = new Date(day.getTime() + 12 * 3_600_000).toISOString();
      const coOrganizerIds = [pick(orgIds)];
      const capacity = Math.round(options.registrationsPerWorkshop * 0.9);
      const events: WorkshopEvent[] = [
        {
          type: 'WorkshopPlanned',
          data: {
            workshopId, chainId, title: `Workshop ${c}.${w}`, theme: 'synthetic', method: 'co-development', kind: 'co-development', format: w % 4 === 0 ? 'webinar' : 'in-person',
            location: w % 4 === 0 ? null : { venue: 'Hall', municipality: 'Tampere', region: pick(REGIONS) }, startsAt, endsAt, targetGroups: ['everyone'], access: 'open', capacity, coOrganizerIds, plannedAt: startsAt,
          },
        },
        { type: 'RegistrationOpened', data: { workshopId, openedAt: startsAt } },
      ];
      const registered: Array<{ registrationId: string; personId: string; organizationId: string }> = [];
      const chosen = new Set<(typeof people)[number]>();
      while (chosen.size < options.registrationsPerWorkshop) chosen.add(pick(random() < 0.7 ? community : people));
      let n = 0;
      for (const person of chosen) {
        const registrationId = randomUUID();
        const base = { workshopId, registrationId, personId: person.personId, organizationId: person.organizationId, attendanceMode: w % 4 === 0 ? ('remote' as const) : ('on-site' as const), expectations: null, advanceQuestions: [] };
        if (n < capacity) {
          events.push({ type: 'ParticipantRegistered', data: { ...base, registeredAt: startsAt } });
          registered.push({ registrationId, personId: person.personId, organizationId: person.organizationId });
        } else {
          events.push({ type: 'ParticipantWaitlisted', data: { ...base, position: n - capacity + 1, waitlistedAt: startsAt } });
        }
        n++;
      }
      events.push({ type: 'RegistrationClosed', data: { workshopId, closedAt: startsAt } }, { type: 'WorkshopHeld', data: { workshopId, heldOn: startsAt.slice(0, 10) } });
      const attendees = registered.filter(() => random() < options.attendance);
      for (const a of attendees) {
        events.push({ type: 'AttendanceRecorded', data: { workshopId, registrationId: a.registrationId, personId: a.personId, organizationId: a.organizationId, mode: w % 4 === 0 ? 'remote' : 'on-site', recordedAt: endsAt } });
      }
      const pledgeId = randomUUID();
      const pledger = pick(orgIds);
      events.push(
        { type: 'ResourcePledged', data: { workshopId, pledgeId, organizationId: pledger, kind: 'venue', description: 'Room', inKindValueCents: 20_000 + Math.floor(random() * 50_000), valuationBasis: 'price list', pledgedAt: startsAt } },
        { type: 'PledgeFulfilled', data: { workshopId, pledgeId, organizationId: pledger, fulfilledAt: endsAt } },
      );
      for (const category of ['catering', 'travel'] as const) {
        const amountCents = Math.floor(random() * 150_000);
        events.push({ type: 'ExpenseRecorded', data: { workshopId, expenseId: randomUUID(), category, amountCents, fundingSource: 'esf', receiptReference: `R-${c}-${w}-${category}`, description: category, incurredOn: startsAt.slice(0, 10), recordedAt: endsAt } });
      }
      for (const a of attendees.slice(0, options.feedbackPerWorkshop)) {
        events.push({ type: 'FeedbackSubmitted', data: { workshopId, feedbackId: randomUUID(), registrationId: a.registrationId, anonymous: false, rating: 1 + Math.floor(random() * 5), comment: null, submittedAt: endsAt } });
      }
      events.push({ type: 'WorkshopReported', data: { workshopId, summary: 'done', reportedAt: endsAt } });
      await append(`workshop-${workshopId}`, events, () => startsAt);
      const added: ChainEvent = { type: 'WorkshopAddedToChain', data: { chainId, workshopId, order: w, at: startsAt } };
      await append(`chain-${chainId}`, [added], () => startsAt);
    }
    const collaboration: CollaborationEvent = {
      type: 'CollaborationRecorded',
      data: { collaborationId: randomUUID(), organizationIds: [pick(orgIds), pick(orgIds)].filter((v, i, a) => a.indexOf(v) === i).concat(pick(orgIds)).slice(0, 2), sparkedByWorkshopId: workshopIds[0]!, title: 'Follow-up', description: 'synthetic', startedOn: `${year}-03-01`, at: `${year}-03-01T00:00:00.000Z` },
    };
    if (new Set(collaboration.data.organizationIds).size === 2) await append(`collaboration-${collaboration.data.collaborationId}`, [collaboration], () => `${year}-03-01T00:00:00.000Z`);
  }
  return { events: written, chainIds };
}
