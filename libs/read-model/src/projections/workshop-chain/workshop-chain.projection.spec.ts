import { noRegistrations } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import type { RecordedEvent } from '@kuhina/event-store';
import { workshopChainIndexProjection } from '../workshop-chain-index';
import {
  CHAIN,
  KEMI,
  ORG,
  OTHER_CHAIN,
  PORI,
  RAUMA,
  addedToChain,
  attended,
  chainExpenseCorrected,
  chainExpenseRecorded,
  chainExpenseVoided,
  chainStaffHoursRecorded,
  chainStaffHoursVoided,
  chainStarted,
  citizenInput,
  collaborationRecorded,
  expenseCorrected,
  expenseRecorded,
  expenseVoided,
  feedbackSubmitted,
  planningMeeting,
  pledgeFulfilled,
  pledgeWithdrawn,
  pledged,
  promoted,
  registered,
  registrationCancelled,
  staffHoursRecorded,
  staffHoursVoided,
  sustainabilityRecorded,
  uuid,
  staffAttended,
  staffRegistered,
  waitlisted,
  workshopHeld,
  workshopPlanned,
} from './chain-events.spec-helper';
import type { Projection, ViewLookup } from '../../projection';
import type { ViewDocument } from '../../read-store.port';
import { withFigures } from './workshop-chain.figures';
import { workshopChainProjection as sut } from './workshop-chain.projection';
import { WORKSHOP_CHAIN_COLLECTION, type ChainWorkshop, type WorkshopChainView } from './workshop-chain.view';

const person = (n: number) => uuid('e0000000', n);
const registration = (n: number) => uuid('b0000000', n);
const pledge = (n: number) => uuid('d0000000', n);
const expense = (n: number) => uuid('ee000000', n);
const feedback = (n: number) => uuid('fb000000', n);
const meeting = (n: number) => uuid('ab000000', n);
const entry = (n: number) => uuid('5e000000', n);

// The workshop-chain index routes workshop events to their chain and runs first, as in the projector.
const spec = () => ProjectionSpec.for(sut, { upstream: [workshopChainIndexProjection] });

/**
 * Events folded as the projector folds them, synchronously: the index first, then each document the chain view routes
 * to (the chain's, then its fact documents), through `apply` on drafts kept from event to event or through the pure
 * `project`, with a lookup over the documents so far. `chain` is the chain's document after the last event.
 */
class Fold {
  readonly docs = new Map<string, Map<string, ViewDocument>>();
  readonly lookup: ViewLookup = {
    get: async <T extends ViewDocument>(collection: string, id: string) => this.lookup.peek!<T>(collection, id) as T | null,
    peek: <T extends ViewDocument>(collection: string, id: string) => (this.docs.get(collection)?.get(id) ?? null) as T | null,
  };

  constructor(private readonly way: 'apply' | 'project') {}

  get chain(): WorkshopChainView | undefined {
    return this.docs.get(WORKSHOP_CHAIN_COLLECTION)?.get(CHAIN) as WorkshopChainView | undefined;
  }

  /** The chain's document, replaced (e.g. by a rewound copy). */
  set chain(view: WorkshopChainView | undefined) {
    const docs = this.docs.get(WORKSHOP_CHAIN_COLLECTION)!;
    if (view === undefined) docs.delete(CHAIN);
    else docs.set(CHAIN, view);
  }

  step(event: RecordedEvent): WorkshopChainView | undefined {
    for (const projection of [workshopChainIndexProjection, sut] as Projection[]) {
      if (!projection.eventTypes.includes(event.type)) continue;
      const keys = projection.keysOf(event, this.lookup);
      if (!Array.isArray(keys)) throw new Error('routing is synchronous when every document is at hand');
      let docs = this.docs.get(projection.collection);
      if (!docs) this.docs.set(projection.collection, (docs = new Map()));
      for (const key of keys) {
        const current = docs.get(key);
        const next = this.way === 'apply' && projection.apply ? projection.apply(current, event, key, this.lookup) : projection.project(current, event, key, this.lookup);
        if (next === undefined) docs.delete(key);
        else docs.set(key, next);
      }
    }
    return this.chain;
  }

  /** Every document of the chain view (the chain's and its fact documents), as JSON. */
  get documents(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(Object.fromEntries(this.docs.get(WORKSHOP_CHAIN_COLLECTION) ?? []))) as Record<string, unknown>;
  }
}

const workshopOf = (view: WorkshopChainView | undefined, workshopId: string): ChainWorkshop => {
  const found = view?.workshops.find((workshop) => workshop.workshopId === workshopId);
  if (!found) throw new Error(`workshop ${workshopId} is not in the view`);
  return found;
};

const pori = { title: 'Penkkikahvila Suomi Areenalla', kind: 'street-event', location: { venue: 'Teltta, Yrjönkatu', municipality: 'Pori', region: 'Satakunta' }, startsAt: '2023-07-05T10:00:00+03:00', endsAt: '2023-07-05T16:00:00+03:00', coOrganizerIds: [ORG.adultEducation], capacity: null } as const;
const kemi = { title: 'Yhteiskunnalliset yritykset ja korkeakoulut', format: 'hybrid', location: { venue: 'Lapin AMK', municipality: 'Kemi', region: 'Lappi' }, startsAt: '2023-09-14T09:00:00+03:00', endsAt: '2023-09-14T15:00:00+03:00', coOrganizerIds: [ORG.lapinAmk] } as const;

/** A chain with three workshops planned and ordered: Rauma (0), Pori (1), Kemi (2). */
const threeWorkshops = (): RecordedEvent[] => [
  chainStarted(),
  workshopPlanned(RAUMA, CHAIN, { capacity: 2 }),
  addedToChain(CHAIN, RAUMA, 0),
  workshopPlanned(PORI, CHAIN, { ...pori, coOrganizerIds: [...pori.coOrganizerIds] }),
  addedToChain(CHAIN, PORI, 1),
  workshopPlanned(KEMI, CHAIN, { ...kemi, coOrganizerIds: [...kemi.coOrganizerIds] }),
  addedToChain(CHAIN, KEMI, 2),
];

/** The 2023 mini chain: every kind of fact, a waitlist, a cancellation, people returning, pledges and expenses settled. */
const story = (): RecordedEvent[] => [
  ...threeWorkshops(),
  // Rauma: two seats; the third registrant is waitlisted and promoted when the second cancels.
  planningMeeting(RAUMA, meeting(1), 'partner'),
  planningMeeting(RAUMA, meeting(2), 'partner'),
  planningMeeting(RAUMA, meeting(3), 'core-team'),
  pledged(RAUMA, pledge(1), ORG.rauma, 'venue', 50_000),
  registered(RAUMA, registration(1), person(1), ORG.rauma),
  registered(RAUMA, registration(2), person(2), ORG.coaching),
  waitlisted(RAUMA, registration(3), person(3), ORG.socialEnterprise),
  registrationCancelled(RAUMA, registration(2), person(2), 'registered'),
  promoted(RAUMA, registration(3), person(3)),
  workshopHeld(RAUMA),
  attended(RAUMA, registration(1), person(1), ORG.rauma),
  attended(RAUMA, registration(3), person(3), null), // organisation taken from the registration
  pledgeFulfilled(RAUMA, pledge(1), ORG.rauma),
  feedbackSubmitted(RAUMA, feedback(1), 5),
  feedbackSubmitted(RAUMA, feedback(2), 4, registration(1)),
  expenseRecorded(RAUMA, expense(1), 'catering', 30_000),
  expenseCorrected(RAUMA, expense(1), { amountCents: 32_000, category: 'catering' }, { amountCents: 30_000, category: 'catering' }),
  expenseRecorded(RAUMA, expense(2), 'travel', 5_000),
  expenseVoided(RAUMA, expense(2)),
  expenseRecorded(RAUMA, expense(3), 'materials', 1_200),
  sustainabilityRecorded(RAUMA, ['public-transport', 'vegetarian-food']),
  staffHoursRecorded(RAUMA, entry(1), 'planning', 120),
  staffHoursRecorded(RAUMA, entry(2), 'running', 240),
  staffHoursRecorded(RAUMA, entry(3), 'running', 60),
  staffHoursVoided(RAUMA, entry(3)),
  // The chain's own: the core team's travel (corrected), a duplicate (voided), its weekly meetings (one voided).
  chainExpenseRecorded(CHAIN, expense(5), 'travel', 18_000),
  chainExpenseCorrected(CHAIN, expense(5), { amountCents: 16_500, category: 'travel' }, { amountCents: 18_000, category: 'travel' }),
  chainExpenseRecorded(CHAIN, expense(6), 'catering', 2_000),
  chainExpenseVoided(CHAIN, expense(6)),
  chainStaffHoursRecorded(CHAIN, entry(5), 'meeting', 60),
  chainStaffHoursRecorded(CHAIN, entry(6), 'meeting', 45),
  chainStaffHoursVoided(CHAIN, entry(6)),
  // Pori: street event; the storage room pledge is withdrawn, the rest fulfilled or pending.
  planningMeeting(PORI, meeting(4), 'core-team'),
  pledged(PORI, pledge(2), ORG.pori, 'venue', 20_000),
  pledged(PORI, pledge(3), ORG.pori, 'storage', 5_000),
  pledged(PORI, pledge(4), ORG.roastery, 'catering', 8_000),
  pledged(PORI, pledge(5), ORG.adultEducation, 'expertise', 15_000),
  pledgeWithdrawn(PORI, pledge(3), ORG.pori),
  pledgeFulfilled(PORI, pledge(2), ORG.pori),
  pledgeFulfilled(PORI, pledge(4), ORG.roastery),
  registered(PORI, registration(4), person(1), ORG.rauma),
  registered(PORI, registration(5), person(4), null),
  workshopHeld(PORI),
  attended(PORI, registration(4), person(1), ORG.rauma), // person 1 returns
  attended(PORI, registration(5), person(4), null),
  citizenInput(PORI, uuid('c1000000', 1), 45),
  citizenInput(PORI, uuid('c1000000', 2), 30),
  feedbackSubmitted(PORI, feedback(3), 3),
  expenseRecorded(PORI, expense(4), 'catering', 12_000),
  staffHoursRecorded(PORI, entry(4), 'follow-up', 90),
  // Kemi: hybrid; person 3 (Rauma) returns remotely; person 4 registers but does not come.
  registered(KEMI, registration(6), person(3), ORG.socialEnterprise, 'remote'),
  registered(KEMI, registration(7), person(5), ORG.lapinAmk),
  registered(KEMI, registration(8), person(4), null),
  waitlisted(KEMI, registration(9), person(6), null),
  workshopHeld(KEMI),
  attended(KEMI, registration(6), person(3), ORG.socialEnterprise, 'remote'),
  attended(KEMI, registration(7), person(5), ORG.lapinAmk),
  feedbackSubmitted(KEMI, feedback(4), 5),
  feedbackSubmitted(KEMI, feedback(5), 4),
  feedbackSubmitted(KEMI, feedback(6), 4),
];

const zeroFeedback = { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } };
const noPledges = {
  count: 0,
  byKind: {},
  byStatus: { pending: { count: 0, inKindValueCents: 0 }, fulfilled: { count: 0, inKindValueCents: 0 }, withdrawn: { count: 0, inKindValueCents: 0 } },
  inKindValueFulfilledCents: 0,
};
const noExpenses = { count: 0, totalCents: 0, byCategory: {}, voidedCount: 0, correctedCount: 0 };
const staffMinutes = (count: number, byActivity: Partial<Record<'planning' | 'running' | 'follow-up' | 'meeting', number>>, voidedCount = 0) => {
  const minutes = { planning: 0, running: 0, 'follow-up': 0, meeting: 0, ...byActivity };
  return { count, totalMinutes: Object.values(minutes).reduce((sum, m) => sum + m, 0), byActivity: minutes, voidedCount };
};
const noStaffMinutes = staffMinutes(0, {});

describe('workshop-chain projection', () => {
  describe('the 2023 mini chain (story)', () => {
    it('derives every figure of every workshop and of the chain', async () => {
      const given = story();
      const when = collaborationRecorded(uuid('cb000000', 1), [ORG.socialEnterprise, ORG.lapinAmk], KEMI);
      await spec()
        .given(given)
        .when(when)
        .then((view) => {
          expect(view?.workshops.map((workshop) => [workshop.workshopId, workshop.order, workshop.status])).toEqual([
            [RAUMA, 0, 'held'],
            [PORI, 1, 'held'],
            [KEMI, 2, 'held'],
          ]);

          const rauma = workshopOf(view, RAUMA);
          expect(rauma.registrations).toEqual({ registered: 2, waitlisted: 0, cancelled: 1 });
          expect(rauma.attendance).toEqual({ onSite: 2, remote: 0, total: 2 });
          expect(rauma.feedback).toEqual({ count: 2, average: 4.5, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } });
          expect(rauma.pledges).toEqual({
            count: 1,
            byKind: { venue: { count: 1, inKindValueCents: 50_000, fulfilledInKindValueCents: 50_000 } },
            byStatus: { pending: { count: 0, inKindValueCents: 0 }, fulfilled: { count: 1, inKindValueCents: 50_000 }, withdrawn: { count: 0, inKindValueCents: 0 } },
            inKindValueFulfilledCents: 50_000,
          });
          expect(rauma.expenses).toEqual({ count: 2, totalCents: 33_200, byCategory: { catering: 32_000, materials: 1_200 }, voidedCount: 1, correctedCount: 1 });
          expect(rauma.planningMeetings).toEqual({ partner: 2, coreTeam: 1 });
          expect(rauma.staffMinutes).toEqual(staffMinutes(2, { planning: 120, running: 240 }, 1));
          expect(rauma.sustainability).toEqual({ practices: ['public-transport', 'vegetarian-food'], notes: '' });
          expect(rauma.citizensHeard).toBe(0);
          expect(rauma.returningParticipants).toBe(0);
          // The co-organisers, the cancelled registrant's organisation and the promoted attendee's.
          expect(rauma.newOrganizationIds).toEqual([ORG.rauma, ORG.coaching, ORG.socialEnterprise].sort());
          expect(rauma.newOrganizations).toBe(3);
          expect(rauma.collaborationsSparked).toBe(0);

          const poriView = workshopOf(view, PORI);
          expect(poriView.registrations).toEqual({ registered: 2, waitlisted: 0, cancelled: 0 });
          expect(poriView.attendance).toEqual({ onSite: 2, remote: 0, total: 2 });
          expect(poriView.feedback).toEqual({ count: 1, average: 3, distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 } });
          expect(poriView.pledges).toEqual({
            count: 4,
            byKind: {
              venue: { count: 1, inKindValueCents: 20_000, fulfilledInKindValueCents: 20_000 },
              catering: { count: 1, inKindValueCents: 8_000, fulfilledInKindValueCents: 8_000 },
              storage: { count: 1, inKindValueCents: 0, fulfilledInKindValueCents: 0 },
              expertise: { count: 1, inKindValueCents: 15_000, fulfilledInKindValueCents: 0 },
            },
            byStatus: {
              pending: { count: 1, inKindValueCents: 15_000 },
              fulfilled: { count: 2, inKindValueCents: 28_000 },
              withdrawn: { count: 1, inKindValueCents: 5_000 },
            },
            inKindValueFulfilledCents: 28_000,
          });
          expect(poriView.expenses).toEqual({ count: 1, totalCents: 12_000, byCategory: { catering: 12_000 }, voidedCount: 0, correctedCount: 0 });
          expect(poriView.citizensHeard).toBe(75);
          expect(poriView.staffMinutes).toEqual(staffMinutes(1, { 'follow-up': 90 }));
          expect(poriView.planningMeetings).toEqual({ partner: 0, coreTeam: 1 });
          expect(poriView.returningParticipants).toBe(1);
          // City of Rauma came back (person 1): not new. Pori reached through a pledge even though it was withdrawn.
          expect(poriView.newOrganizationIds).toEqual([ORG.adultEducation, ORG.pori, ORG.roastery].sort());

          const kemiView = workshopOf(view, KEMI);
          expect(kemiView.registrations).toEqual({ registered: 3, waitlisted: 1, cancelled: 0 });
          expect(kemiView.attendance).toEqual({ onSite: 1, remote: 1, total: 2 });
          expect(kemiView.feedback).toEqual({ count: 3, average: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } });
          expect(kemiView.pledges).toEqual(noPledges);
          expect(kemiView.expenses).toEqual(noExpenses);
          expect(kemiView.staffMinutes).toEqual(noStaffMinutes);
          // Person 3 attended Rauma; person 4 attended Pori but did not come to Kemi.
          expect(kemiView.returningParticipants).toBe(1);
          expect(kemiView.newOrganizationIds).toEqual([ORG.lapinAmk]);
          expect(kemiView.collaborationsSparked).toBe(1);

          expect(view?.totals).toEqual({
            workshops: 3,
            registrations: { registered: 7, waitlisted: 1, cancelled: 1 },
            attendance: { onSite: 5, remote: 1, total: 6 },
            staff: noRegistrations().staff,
            uniqueParticipants: 4,
            returningParticipants: 2,
            organizationsReached: 7,
            feedback: { count: 6, average: 4.17, distribution: { '1': 0, '2': 0, '3': 1, '4': 3, '5': 2 } },
            pledges: {
              count: 5,
              byKind: {
                venue: { count: 2, inKindValueCents: 70_000, fulfilledInKindValueCents: 70_000 },
                catering: { count: 1, inKindValueCents: 8_000, fulfilledInKindValueCents: 8_000 },
                storage: { count: 1, inKindValueCents: 0, fulfilledInKindValueCents: 0 },
                expertise: { count: 1, inKindValueCents: 15_000, fulfilledInKindValueCents: 0 },
              },
              byStatus: {
                pending: { count: 1, inKindValueCents: 15_000 },
                fulfilled: { count: 3, inKindValueCents: 78_000 },
                withdrawn: { count: 1, inKindValueCents: 5_000 },
              },
              inKindValueFulfilledCents: 78_000,
            },
            inKindValueFulfilledCents: 78_000,
            // The workshops' and the chain's own.
            expenses: { count: 4, totalCents: 61_700, byCategory: { catering: 44_000, travel: 16_500, materials: 1_200 }, voidedCount: 2, correctedCount: 2 },
            staffMinutes: staffMinutes(4, { planning: 120, running: 240, 'follow-up': 90, meeting: 60 }, 2),
            citizensHeard: 75,
            planningMeetings: { partner: 2, coreTeam: 2 },
            collaborationsSparked: 1,
            outreach: { outreaches: 0, peopleReached: 0, registered: 0, attended: 0 },
          });
          expect(view?.lastPosition).toBe(when.position.toString());
        });
    });

    it('the figures updated event by event always equal the figures derived from scratch', () => {
      // Most events update only what they can change; this proves those updates agree with the full derivation.
      const events = [...story(), collaborationRecorded(uuid('cb000000', 1), [ORG.socialEnterprise, ORG.lapinAmk], KEMI)];
      const fold = new Fold('project');
      for (const event of events) {
        const view = fold.step(event);
        expect({ after: event.type, position: event.position, view }).toEqual({ after: event.type, position: event.position, view: view && withFigures(view) });
      }
    });

    it('apply, changing one draft in place through the whole story (as a projector batch does), keeps the figures equal to the derivation', () => {
      const events = [...story(), collaborationRecorded(uuid('cb000000', 1), [ORG.socialEnterprise, ORG.lapinAmk], KEMI)];
      const drafts = new Fold('apply');
      const pure = new Fold('project');
      for (const event of events) {
        const draft = drafts.step(event);
        pure.step(event);
        const derived = draft && withFigures(JSON.parse(JSON.stringify(draft)) as WorkshopChainView);
        expect({ after: event.type, position: event.position, view: draft }).toEqual({ after: event.type, position: event.position, view: derived });
        expect({ after: event.type, documents: drafts.documents }).toEqual({ after: event.type, documents: pure.documents });
      }
    });

    it('the incremental figures also agree with the derivation when workshops move and facts are re-recorded', () => {
      // The rare paths: plans after facts elsewhere, orders arriving out of turn, a reschedule among unordered
      // workshops, an attendee re-recorded with another organisation and mode, a re-rated feedback, a 0-cent expense.
      const events = [
        chainStarted(),
        workshopPlanned(KEMI, CHAIN, { ...kemi, coOrganizerIds: [...kemi.coOrganizerIds] }),
        registered(KEMI, registration(1), person(1), ORG.rauma),
        attended(KEMI, registration(1), person(1), ORG.rauma),
        registered(KEMI, registration(2), person(2), ORG.pori),
        attended(KEMI, registration(2), person(2), ORG.pori),
        workshopPlanned(RAUMA, CHAIN, { capacity: 2 }),
        registered(RAUMA, registration(3), person(1), ORG.rauma),
        attended(RAUMA, registration(3), person(1), ORG.rauma),
        attended(RAUMA, registration(3), person(1), ORG.coaching, 'remote'),
        workshopPlanned(PORI, CHAIN, { ...pori, coOrganizerIds: [ORG.pori] }),
        recorded('WorkshopRescheduled', { workshopId: PORI, startsAt: '2023-01-05T10:00:00+02:00', endsAt: '2023-01-05T16:00:00+02:00', location: null, previousStartsAt: pori.startsAt, previousEndsAt: pori.endsAt, rescheduledAt: '2022-12-01T09:00:00+02:00' }),
        attended(PORI, registration(4), person(2), null),
        addedToChain(CHAIN, KEMI, 0),
        addedToChain(CHAIN, RAUMA, 1),
        addedToChain(CHAIN, PORI, 2),
        recorded('CoOrganizerAdded', { workshopId: PORI, organizationId: ORG.roastery, addedAt: '2023-04-01T09:00:00+03:00' }),
        feedbackSubmitted(RAUMA, feedback(1), 2),
        feedbackSubmitted(RAUMA, feedback(1), 5),
        expenseRecorded(PORI, expense(1), 'materials', 0),
        expenseRecorded(KEMI, expense(2), 'materials', 0),
        expenseVoided(PORI, expense(1)),
        registrationCancelled(KEMI, registration(9), person(9), 'registered'),
      ];
      const pure = new Fold('project');
      const drafts = new Fold('apply');
      let view: WorkshopChainView | undefined;
      for (const event of events) {
        view = pure.step(event);
        expect({ after: event.type, position: event.position, view }).toEqual({ after: event.type, position: event.position, view: view && withFigures(view) });
        // The projector's way: one draft changed in place by every event.
        drafts.step(event);
        expect({ after: event.type, documents: drafts.documents }).toEqual({ after: event.type, documents: pure.documents });
      }
      expect(view?.workshops.map((workshop) => workshop.workshopId)).toEqual([KEMI, RAUMA, PORI]);
      expect(view?.totals.expenses.byCategory).toEqual({ materials: 0 });
      expect(workshopOf(view, RAUMA).feedback.distribution).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 });
    });

    it('idempotent if applied twice', async () => {
      // The helper delivers the `when` event again and also re-projects it past the position guard:
      // the facts kept by id (attendance by person) must not count the attendee twice.
      const given = story();
      const when = attended(KEMI, registration(8), person(4), null);
      await spec()
        .given(given)
        .when(when)
        .then((view) => {
          expect(workshopOf(view, KEMI).attendance).toEqual({ onSite: 2, remote: 1, total: 3 });
          expect(workshopOf(view, KEMI).returningParticipants).toBe(2);
          expect(view?.totals.returningParticipants).toBe(3);
          expect(view?.totals.uniqueParticipants).toBe(4);
        });
    });
  });

  describe('chain events', () => {
    it('ChainStarted: the chain with no workshops and zero totals', async () => {
      const when = chainStarted();
      await spec()
        .given([])
        .when(when)
        .then({
          chainId: CHAIN,
          name: 'Sosiaalisten innovaatioiden työpajaketju 2023',
          description: 'Five development workshops with partners, April–October 2023.',
          fundingProgramme: 'ESF+ 2021–2027',
          esfOperationId: 'S30123',
          period: { start: '2023-03-01', end: '2023-12-31' },
          status: 'active',
          startedAt: '2023-03-01T09:00:00+02:00',
          closedAt: null,
          closeReason: null,
          lastPaymentOn: null,
          retentionEndsOn: null,
          hubOrganizationId: null,
          chainMeetings: { partner: 0, coreTeam: 0 },
          chainExpenses: noExpenses,
          chainStaffMinutes: noStaffMinutes,
          revision: when.revision,
          workshops: [],
          totals: {
            workshops: 0,
            registrations: { registered: 0, waitlisted: 0, cancelled: 0 },
            attendance: { onSite: 0, remote: 0, total: 0 },
            staff: noRegistrations().staff,
            uniqueParticipants: 0,
            returningParticipants: 0,
            organizationsReached: 0,
            feedback: zeroFeedback,
            pledges: noPledges,
            inKindValueFulfilledCents: 0,
            expenses: noExpenses,
            staffMinutes: noStaffMinutes,
            citizensHeard: 0,
            planningMeetings: { partner: 0, coreTeam: 0 },
            collaborationsSparked: 0,
            outreach: { outreaches: 0, peopleReached: 0, registered: 0, attended: 0 },
          },
          facts: { workshopOrder: {}, chainMeetings: {}, chainExpenses: {}, chainStaffHours: {}, attendancePatterns: {} },
          lastPosition: when.position.toString(),
        });
    });

    it('ChainDetailsUpdated: changes the fields it carries', async () => {
      await spec()
        .given([chainStarted()])
        .when(recorded('ChainDetailsUpdated', { chainId: CHAIN, periodEnd: '2024-02-29', esfOperationId: 'S30999', at: '2023-11-01T09:00:00+02:00' }))
        .then((view) => {
          expect(view?.period).toEqual({ start: '2023-03-01', end: '2024-02-29' });
          expect(view?.esfOperationId).toBe('S30999');
          expect(view?.name).toBe('Sosiaalisten innovaatioiden työpajaketju 2023');
        });
    });

    it('WorkshopAddedToChain: puts the planned workshop in its place in the chain', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(PORI, CHAIN, { startsAt: '2023-07-05T10:00:00+03:00' }), addedToChain(CHAIN, PORI, 1), workshopPlanned(RAUMA, CHAIN)])
        .when(addedToChain(CHAIN, RAUMA, 0))
        .then((view) => {
          expect(view?.workshops.map((workshop) => [workshop.workshopId, workshop.order])).toEqual([
            [RAUMA, 0],
            [PORI, 1],
          ]);
          expect(view?.facts.workshopOrder).toEqual({ [RAUMA]: 0, [PORI]: 1 });
        });
    });

    it('LastPaymentRecorded: shows the last payment and when retention ends', async () => {
      await spec()
        .given([chainStarted()])
        .when(recorded('LastPaymentRecorded', { chainId: CHAIN, paidOn: '2024-06-28', previousPaidOn: null, retentionEndsOn: '2029-12-31', at: '2024-06-28T12:00:00+03:00' }))
        .then((view) => expect(view).toMatchObject({ lastPaymentOn: '2024-06-28', retentionEndsOn: '2029-12-31' }));
    });

    it('keeps the revision of the chain stream\'s last event (the ETag of GET /chains/:id); workshop events leave it', async () => {
      const started = chainStarted();
      const planned = workshopPlanned(RAUMA, CHAIN);
      const added = addedToChain(CHAIN, RAUMA, 0);
      await spec()
        .given([started, planned, added, registered(RAUMA, registration(1), person(1), ORG.rauma)])
        .when(workshopHeld(RAUMA))
        .then((view) => {
          expect(added.revision).toBe(started.revision + 1);
          expect(view?.revision).toBe(added.revision);
          expect(workshopOf(view, RAUMA).status).toBe('held');
        });
    });

    it('ChainClosed: marks the chain closed with its reason', async () => {
      await spec()
        .given([chainStarted()])
        .when(recorded('ChainClosed', { chainId: CHAIN, reason: 'Operation ended', at: '2024-01-15T09:00:00+02:00' }))
        .then((view) => expect(view).toMatchObject({ status: 'closed', closedAt: '2024-01-15T09:00:00+02:00', closeReason: 'Operation ended' }));
    });
  });

  describe('workshop events', () => {
    it('WorkshopPlanned: adds the workshop (unordered until the chain records it) with its plan and zero figures', async () => {
      await spec()
        .given([chainStarted()])
        .when(workshopPlanned(KEMI, CHAIN, { ...kemi, coOrganizerIds: [...kemi.coOrganizerIds] }))
        .then((view) => {
          const { facts, ...workshop } = workshopOf(view, KEMI);
          expect(workshop).toEqual({
            workshopId: KEMI,
            order: null,
            title: 'Yhteiskunnalliset yritykset ja korkeakoulut',
            status: 'planned',
            kind: 'co-development',
            format: 'hybrid',
            startsAt: '2023-09-14T09:00:00+03:00',
            endsAt: '2023-09-14T15:00:00+03:00',
            location: { venue: 'Lapin AMK', municipality: 'Kemi', region: 'Lappi' },
            targetGroups: ['municipal residents', 'NGO workers'],
            access: 'open',
            capacity: 40,
            coOrganizerIds: [ORG.lapinAmk],
            registrations: { registered: 0, waitlisted: 0, cancelled: 0 },
            attendance: { onSite: 0, remote: 0, total: 0 },
            staff: noRegistrations().staff,
            feedback: zeroFeedback,
            pledges: noPledges,
            expenses: noExpenses,
            staffMinutes: noStaffMinutes,
            citizensHeard: 0,
            planningMeetings: { partner: 0, coreTeam: 0 },
            sustainability: null,
            returningParticipants: 0,
            newOrganizationIds: [ORG.lapinAmk],
            newOrganizations: 1,
            collaborationsSparked: 0,
            outreach: { outreaches: 0, peopleReached: 0, registered: 0, attended: 0 },
          });
          // The co-organiser, named once; nothing else yet.
          expect(facts).toEqual({ pledges: {}, expenses: {}, staffHours: {}, citizenInputs: {}, planningMeetings: {}, collaborations: {}, organizations: { [ORG.lapinAmk]: 1 }, outreaches: {} });
          expect(view?.totals).toMatchObject({ workshops: 1, organizationsReached: 1 });
        });
    });

    it('WorkshopRescheduled: moves the workshop (and its place among workshops the chain has not ordered)', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), workshopPlanned(PORI, CHAIN, { startsAt: '2023-04-25T09:00:00+03:00', endsAt: '2023-04-25T12:00:00+03:00' })])
        .when(
          recorded('WorkshopRescheduled', {
            workshopId: RAUMA,
            startsAt: '2023-05-04T09:00:00+03:00',
            endsAt: '2023-05-04T12:00:00+03:00',
            location: { venue: 'Rauman lyseo', municipality: 'Rauma', region: 'Satakunta' },
            previousStartsAt: '2023-04-20T09:00:00+03:00',
            previousEndsAt: '2023-04-20T12:00:00+03:00',
            rescheduledAt: '2023-04-01T09:00:00+03:00',
          }),
        )
        .then((view) => {
          expect(view?.workshops.map((workshop) => workshop.workshopId)).toEqual([PORI, RAUMA]);
          expect(workshopOf(view, RAUMA)).toMatchObject({ startsAt: '2023-05-04T09:00:00+03:00', location: { venue: 'Rauman lyseo' } });
        });
    });

    it('CoOrganizerAdded: a new co-organiser is an organisation reached', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN)])
        .when(recorded('CoOrganizerAdded', { workshopId: RAUMA, organizationId: ORG.roastery, addedAt: '2023-04-01T09:00:00+03:00' }))
        .then((view) => {
          expect(workshopOf(view, RAUMA).coOrganizerIds).toEqual([ORG.rauma, ORG.coaching, ORG.roastery]);
          expect(workshopOf(view, RAUMA).newOrganizations).toBe(3);
          expect(view?.totals.organizationsReached).toBe(3);
        });
    });

    it('WorkshopCapacityChanged: shows the new capacity', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN)])
        .when(recorded('WorkshopCapacityChanged', { workshopId: RAUMA, capacity: 60, previousCapacity: 40, changedAt: '2023-04-01T09:00:00+03:00' }))
        .then((view) => expect(workshopOf(view, RAUMA).capacity).toBe(60));
    });

    it.each([
      ['RegistrationOpened', 'registration-open', { openedAt: '2023-03-20T09:00:00+02:00' }],
      ['RegistrationClosed', 'registration-closed', { closedAt: '2023-04-15T09:00:00+03:00' }],
      ['WorkshopHeld', 'held', { heldOn: '2023-04-20' }],
      ['WorkshopCancelled', 'cancelled', { reason: 'Storm warning', cancelledAt: '2023-04-19T09:00:00+03:00' }],
    ])('%s: the workshop status becomes %s', async (type, status, data) => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN)])
        .when(recorded(type, { workshopId: RAUMA, ...data }))
        .then((view) => expect(workshopOf(view, RAUMA).status).toBe(status));
    });

    it('WorkshopReported: the workshop is reported', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), workshopHeld(RAUMA)])
        .when(recorded('WorkshopReported', { workshopId: RAUMA, summary: 'Good discussion', reportedAt: '2023-05-02T09:00:00+03:00' }))
        .then((view) => expect(workshopOf(view, RAUMA).status).toBe('reported'));
    });

    it('ParticipantRegistered: counts a registration and reaches its organisation', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN)])
        .when(registered(RAUMA, registration(1), person(1), ORG.socialEnterprise))
        .then((view) => {
          expect(workshopOf(view, RAUMA).registrations).toEqual({ registered: 1, waitlisted: 0, cancelled: 0 });
          expect(workshopOf(view, RAUMA).newOrganizationIds).toContain(ORG.socialEnterprise);
          expect(view?.totals.registrations.registered).toBe(1);
        });
    });

    it('ParticipantWaitlisted: counts a waitlisted registration', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN, { capacity: 1 }), registered(RAUMA, registration(1), person(1), null)])
        .when(waitlisted(RAUMA, registration(2), person(2), null))
        .then((view) => expect(workshopOf(view, RAUMA).registrations).toEqual({ registered: 1, waitlisted: 1, cancelled: 0 }));
    });

    it('RegistrationCancelled: moves the registration to cancelled', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), registered(RAUMA, registration(1), person(1), null)])
        .when(registrationCancelled(RAUMA, registration(1), person(1), 'registered'))
        .then((view) => expect(workshopOf(view, RAUMA).registrations).toEqual({ registered: 0, waitlisted: 0, cancelled: 1 }));
    });

    it('WaitlistedParticipantPromoted: moves the registration from the waitlist to registered', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN, { capacity: 1 }), registered(RAUMA, registration(1), person(1), null), waitlisted(RAUMA, registration(2), person(2), null), registrationCancelled(RAUMA, registration(1), person(1), 'registered')])
        .when(promoted(RAUMA, registration(2), person(2)))
        .then((view) => expect(workshopOf(view, RAUMA).registrations).toEqual({ registered: 1, waitlisted: 0, cancelled: 1 }));
    });

    it('AttendanceRecorded: counts attendance by mode and falls back to the registration for the organisation', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(KEMI, CHAIN, { format: 'hybrid', coOrganizerIds: [] }), registered(KEMI, registration(1), person(1), ORG.lapinAmk, 'remote'), workshopHeld(KEMI)])
        .when(attended(KEMI, registration(1), person(1), null, 'remote'))
        .then((view, { documents }) => {
          const workshop = workshopOf(view, KEMI);
          expect(workshop.attendance).toEqual({ onSite: 0, remote: 1, total: 1 });
          // The attendee's own document beside the chain's, the organisation taken from the registration.
          expect(documents.get(`p:${CHAIN}:${person(1)}`)).toMatchObject({ attended: { [KEMI]: { registrationId: registration(1), organizationId: ORG.lapinAmk, mode: 'remote' } }, ran: {} });
          expect(documents.get(`r:${KEMI}:${registration(1)}`)).toMatchObject({ personId: person(1), status: 'registered', attended: 'remote' });
          expect(workshop.facts.organizations).toEqual({ [ORG.lapinAmk]: 2 });
          expect(view?.facts.attendancePatterns).toEqual({ [KEMI]: 1 });
          expect(view?.totals.uniqueParticipants).toBe(1);
        });
    });

    it('returning participants follow chain order, not the order attendance was recorded in', async () => {
      // Pori (order 1) is recorded first, Rauma (order 0) later: the Pori attendee is still the one returning.
      await spec()
        .given([
          ...threeWorkshops(),
          registered(PORI, registration(1), person(1), null),
          attended(PORI, registration(1), person(1), null),
          registered(RAUMA, registration(2), person(1), null),
        ])
        .when(attended(RAUMA, registration(2), person(1), null))
        .then((view) => {
          expect(workshopOf(view, RAUMA).returningParticipants).toBe(0);
          expect(workshopOf(view, PORI).returningParticipants).toBe(1);
          expect(view?.totals).toMatchObject({ uniqueParticipants: 1, returningParticipants: 1 });
        });
    });

    it('new organisations follow chain order: reached later at an earlier workshop, they are new there instead', async () => {
      await spec()
        .given([...threeWorkshops(), registered(KEMI, registration(1), person(1), ORG.roastery)])
        .when(pledged(RAUMA, pledge(1), ORG.roastery, 'catering', 8_000))
        .then((view) => {
          expect(workshopOf(view, RAUMA).newOrganizationIds).toEqual([ORG.rauma, ORG.coaching, ORG.roastery].sort());
          expect(workshopOf(view, KEMI).newOrganizationIds).toEqual([ORG.lapinAmk]);
          expect(view?.totals.organizationsReached).toBe(5);
          expect(view).toEqual(view && withFigures(view));
        });
    });

    it('ResourcePledged: a pending pledge, its organisation reached', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(PORI, CHAIN, { coOrganizerIds: [] })])
        .when(pledged(PORI, pledge(1), ORG.roastery, 'catering', 8_000))
        .then((view) => {
          const workshop = workshopOf(view, PORI);
          expect(workshop.pledges.byStatus.pending).toEqual({ count: 1, inKindValueCents: 8_000 });
          expect(workshop.pledges.byKind).toEqual({ catering: { count: 1, inKindValueCents: 8_000, fulfilledInKindValueCents: 0 } });
          expect(workshop.newOrganizationIds).toEqual([ORG.roastery]);
        });
    });

    it('PledgeFulfilled: adds the in-kind value to the fulfilled total', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(PORI, CHAIN), pledged(PORI, pledge(1), ORG.pori, 'venue', 20_000)])
        .when(pledgeFulfilled(PORI, pledge(1), ORG.pori))
        .then((view) => {
          expect(workshopOf(view, PORI).pledges.inKindValueFulfilledCents).toBe(20_000);
          expect(view?.totals.inKindValueFulfilledCents).toBe(20_000);
        });
    });

    it('PledgeWithdrawn: the pledge counts as withdrawn and its value is no longer pledged', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(PORI, CHAIN), pledged(PORI, pledge(1), ORG.pori, 'storage', 5_000)])
        .when(pledgeWithdrawn(PORI, pledge(1), ORG.pori))
        .then((view) => {
          const { pledges } = workshopOf(view, PORI);
          expect(pledges.byStatus).toEqual({ pending: { count: 0, inKindValueCents: 0 }, fulfilled: { count: 0, inKindValueCents: 0 }, withdrawn: { count: 1, inKindValueCents: 5_000 } });
          expect(pledges.byKind.storage).toEqual({ count: 1, inKindValueCents: 0, fulfilledInKindValueCents: 0 });
        });
    });

    it('ExpenseRecorded: adds to the total and its category', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), expenseRecorded(RAUMA, expense(1), 'travel', 4_250)])
        .when(expenseRecorded(RAUMA, expense(2), 'catering', 26_000))
        .then((view) => {
          expect(workshopOf(view, RAUMA).expenses).toEqual({ count: 2, totalCents: 30_250, byCategory: { catering: 26_000, travel: 4_250 }, voidedCount: 0, correctedCount: 0 });
          expect(view?.totals.expenses.totalCents).toBe(30_250);
        });
    });

    it('ExpenseCorrected: the new figures replace the old ones, the category too', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), expenseRecorded(RAUMA, expense(1), 'other', 2_000)])
        .when(expenseCorrected(RAUMA, expense(1), { amountCents: 2_600, category: 'materials' }, { amountCents: 2_000, category: 'other' }))
        .then((view) =>
          expect(workshopOf(view, RAUMA).expenses).toEqual({ count: 1, totalCents: 2_600, byCategory: { materials: 2_600 }, voidedCount: 0, correctedCount: 1 }),
        );
    });

    it('ExpenseVoided: the expense leaves the totals and is counted as voided', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), expenseRecorded(RAUMA, expense(1), 'travel', 5_000)])
        .when(expenseVoided(RAUMA, expense(1)))
        .then((view) => expect(workshopOf(view, RAUMA).expenses).toEqual({ count: 0, totalCents: 0, byCategory: {}, voidedCount: 1, correctedCount: 0 }));
    });

    it('FeedbackSubmitted: count, average to 2 decimals and distribution', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), feedbackSubmitted(RAUMA, feedback(1), 5), feedbackSubmitted(RAUMA, feedback(2), 5)])
        .when(feedbackSubmitted(RAUMA, feedback(3), 2))
        .then((view) => expect(workshopOf(view, RAUMA).feedback).toEqual({ count: 3, average: 4, distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 2 } }));
    });

    it('CitizenInputCollected: sums the citizens heard', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(PORI, CHAIN), citizenInput(PORI, uuid('c1000000', 1), 40)])
        .when(citizenInput(PORI, uuid('c1000000', 2), 12))
        .then((view) => {
          expect(workshopOf(view, PORI).citizensHeard).toBe(52);
          expect(view?.totals.citizensHeard).toBe(52);
        });
    });

    it('PlanningMeetingRecorded: counts partner and core-team meetings', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), planningMeeting(RAUMA, meeting(1), 'partner')])
        .when(planningMeeting(RAUMA, meeting(2), 'core-team'))
        .then((view) => expect(workshopOf(view, RAUMA).planningMeetings).toEqual({ partner: 1, coreTeam: 1 }));
    });

    it('SustainabilityPracticesRecorded: the latest record replaces the earlier one', async () => {
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), sustainabilityRecorded(RAUMA, ['minimal-printing'])])
        .when(sustainabilityRecorded(RAUMA, ['public-transport', 'local-producers'], 'Coffee from a local roastery'))
        .then((view) =>
          expect(workshopOf(view, RAUMA).sustainability).toEqual({ practices: ['public-transport', 'local-producers'], notes: 'Coffee from a local roastery' }),
        );
    });

    it('CollaborationRecorded: counted for the workshop that sparked it', async () => {
      await spec()
        .given(threeWorkshops())
        .when(collaborationRecorded(uuid('cb000000', 2), [ORG.pori, ORG.adultEducation], PORI))
        .then((view) => {
          expect(workshopOf(view, PORI).collaborationsSparked).toBe(1);
          expect(workshopOf(view, RAUMA).collaborationsSparked).toBe(0);
          expect(view?.totals.collaborationsSparked).toBe(1);
        });
    });
  });

  describe('routing', () => {
    it('a collaboration sparked by no workshop changes nothing', async () => {
      await spec().given(threeWorkshops()).when(collaborationRecorded(uuid('cb000000', 3), [ORG.pori, ORG.rauma], null)).thenNothingChanges();
    });

    it('events of a workshop in no chain change nothing', async () => {
      const lone = uuid('a0000000', 9);
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), workshopPlanned(lone, null)])
        .when(registered(lone, registration(1), person(1), ORG.rauma))
        .thenNothingChanges();
    });

    it('a registration writes its own fact document only for a workshop the chain shows', async () => {
      // Planned in no chain the view has seen started: nowhere to count it, so no fact either (a later start could not use it).
      await spec()
        .given([workshopPlanned(RAUMA, CHAIN)])
        .when(registered(RAUMA, registration(1), person(1), ORG.rauma))
        .then((view, outcome) => {
          expect(view).toBeUndefined();
          expect(outcome.documents.size).toBe(0);
        });
      await spec()
        .given([chainStarted(), workshopPlanned(RAUMA, CHAIN)])
        .when(registered(RAUMA, registration(1), person(1), ORG.rauma))
        .then((view, outcome) => {
          expect(outcome.keys).toEqual([CHAIN, `r:${RAUMA}:${registration(1)}`]);
          expect(outcome.documents.get(`r:${RAUMA}:${registration(1)}`)).toEqual({ personId: person(1), organizationId: ORG.rauma, status: 'registered', attended: null, role: 'participant', outreachId: null, lastPosition: expect.any(String) });
          expect(workshopOf(view, RAUMA).registrations.registered).toBe(1);
        });
    });

    it('a workshop event reaches only its own chain', async () => {
      await spec()
        .given([chainStarted(), chainStarted(OTHER_CHAIN, { name: 'Ketju 2024' }), workshopPlanned(RAUMA, CHAIN), workshopPlanned(KEMI, OTHER_CHAIN)])
        .when(feedbackSubmitted(KEMI, feedback(1), 5))
        .then((view, outcome) => {
          // The other chain's document, then the feedback's own.
          expect(outcome.keys).toEqual([OTHER_CHAIN, `f:${KEMI}:${feedback(1)}`]);
          expect(view?.totals.feedback.count).toBe(1);
          expect(outcome.documents.get(CHAIN)?.totals.feedback.count).toBe(0);
        });
    });

    it('a workshop planned for a chain never started is not shown', async () => {
      await spec().given([]).when(workshopPlanned(RAUMA, OTHER_CHAIN)).then((view) => expect(view).toBeUndefined());
    });

    it('an unrelated event changes nothing', async () => {
      await spec()
        .given(threeWorkshops())
        .when(recorded('OrganizationRegistered', { organizationId: ORG.rauma, name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null, at: '2023-03-02T10:00:00+02:00' }))
        .thenNothingChanges();
    });

    it('a creation re-projected past the guard does not undo what happened to the entity since', () => {
      const events = [chainStarted(), workshopPlanned(PORI, CHAIN), pledged(PORI, pledge(1), ORG.pori, 'venue', 20_000), pledgeFulfilled(PORI, pledge(1), ORG.pori)];
      const view = events.reduce<WorkshopChainView | undefined>((current, event) => sut.project(current, event, CHAIN), undefined);
      const rewound = { ...view!, lastPosition: (events[2].position - 1n).toString() };
      const again = sut.project(rewound, events[2], CHAIN);
      expect(workshopOf(again, PORI).facts.pledges[pledge(1)].status).toBe('fulfilled');
      expect(again?.totals.inKindValueFulfilledCents).toBe(20_000);
    });

    it('an event already applied (older position) is ignored by the guard', () => {
      const started = chainStarted();
      const planned = workshopPlanned(RAUMA, CHAIN);
      const feedbackGiven = feedbackSubmitted(RAUMA, feedback(1), 5);
      let view = sut.project(undefined, started, CHAIN);
      view = sut.project(view, planned, CHAIN);
      view = sut.project(view, feedbackGiven, CHAIN);
      expect(sut.project(view, feedbackGiven, CHAIN)).toBe(view);
      expect(sut.project(view, planned, CHAIN)).toBe(view);
    });
  });

  describe('roles, the hub organisation and the chain’s own planning meetings', () => {
    const HUB = ORG.hub;
    /** Each event applied to a draft agrees with the figures derived from scratch (the reference). */
    const agreesWithDerivation = (events: RecordedEvent[]): WorkshopChainView | undefined => {
      const drafts = new Fold('apply');
      let draft: WorkshopChainView | undefined;
      for (const event of events) {
        draft = drafts.step(event);
        const derived = draft && withFigures(JSON.parse(JSON.stringify(draft)) as WorkshopChainView);
        expect({ after: event.type, view: JSON.parse(JSON.stringify(draft)) }).toEqual({ after: event.type, view: derived && JSON.parse(JSON.stringify(derived)) });
      }
      return draft;
    };
    const staffed = (): RecordedEvent[] => [
      chainStarted(CHAIN, { hubOrganizationId: HUB }),
      workshopPlanned(RAUMA, CHAIN, { capacity: 1 }),
      workshopPlanned(KEMI, CHAIN, { startsAt: '2023-09-12T12:00:00+03:00', endsAt: '2023-09-12T15:00:00+03:00' }),
      staffRegistered(RAUMA, registration(1), person(1), HUB, 'organiser'),
      staffRegistered(RAUMA, registration(2), person(2), ORG.coaching, 'host'),
      registered(RAUMA, registration(3), person(3), ORG.socialEnterprise),
      staffAttended(RAUMA, registration(1), person(1), HUB, 'organiser'),
      staffAttended(RAUMA, registration(2), person(2), ORG.coaching, 'host'),
      attended(RAUMA, registration(3), person(3), ORG.socialEnterprise),
      // The same organiser runs the next workshop too: not a returning participant.
      staffRegistered(KEMI, registration(4), person(1), HUB, 'organiser'),
      staffAttended(KEMI, registration(4), person(1), HUB, 'organiser'),
    ];

    it('counts participants apart from the people who ran the workshop, and never the hub as reached', async () => {
      agreesWithDerivation(staffed());
      await spec()
        .given(staffed().slice(0, -1))
        .when(staffed().at(-1)!)
        .then((projected) => {
          expect(workshopOf(projected, RAUMA).registrations).toEqual({ registered: 1, waitlisted: 0, cancelled: 0 });
          expect(workshopOf(projected, RAUMA).attendance.total).toBe(1);
          expect(workshopOf(projected, RAUMA).staff).toEqual({ organiser: { registered: 1, attended: 1 }, host: { registered: 1, attended: 1 }, speaker: { registered: 0, attended: 0 } });
          expect(projected?.totals.staff.organiser).toEqual({ registered: 2, attended: 2 });
          expect(projected?.totals.uniqueParticipants).toBe(1);
          expect(projected?.totals.returningParticipants).toBe(0);
          expect(workshopOf(projected, KEMI).returningParticipants).toBe(0);
          expect(workshopOf(projected, RAUMA).newOrganizationIds).not.toContain(HUB);
          expect(workshopOf(projected, RAUMA).newOrganizationIds).toEqual(expect.arrayContaining([ORG.coaching, ORG.socialEnterprise]));
          expect(projected).toEqual(projected && withFigures(projected));
        });
    });

    it('ChainDetailsUpdated naming the hub later takes it out of every workshop’s organisations reached', async () => {
      const withoutHub = [chainStarted(), ...staffed().slice(1)];
      const before = agreesWithDerivation(withoutHub);
      expect(before?.totals.organizationsReached).toBeGreaterThan(0);
      const reachedBefore = before!.totals.organizationsReached;
      await spec()
        .given(withoutHub)
        .when(recorded('ChainDetailsUpdated', { chainId: CHAIN, hubOrganizationId: HUB, at: '2023-05-01T09:00:00+03:00' }))
        .then((view) => {
          expect(view?.hubOrganizationId).toBe(HUB);
          expect(view?.totals.organizationsReached).toBe(reachedBefore - 1);
          expect(workshopOf(view, RAUMA).newOrganizationIds).not.toContain(HUB);
          expect(view).toEqual(view && withFigures(view));
        });
    });

    it('ChainMeetingRecorded: counts the chain’s own meetings once each, in the totals beside the workshops’ meetings', async () => {
      const meeting = (meetingId: string, kind: 'partner' | 'core-team') =>
        recorded('ChainMeetingRecorded', { chainId: CHAIN, meetingId, heldOn: '2023-03-02', kind, online: true, organizationIds: [], notes: '', at: '2023-03-02T09:00:00+02:00' });
      const given = [chainStarted(), workshopPlanned(RAUMA, CHAIN), planningMeeting(RAUMA, 'pm-1', 'partner'), meeting('cm-1', 'core-team')];
      await spec()
        .given(given)
        .when(meeting('cm-2', 'core-team'))
        .then((view) => {
          expect(view?.chainMeetings).toEqual({ partner: 0, coreTeam: 2 });
          expect(view?.totals.planningMeetings).toEqual({ partner: 1, coreTeam: 2 });
          expect(workshopOf(view, RAUMA).planningMeetings).toEqual({ partner: 1, coreTeam: 0 });
          // A derivation from scratch keeps the chain's own meetings in the totals.
          expect(view).toEqual(view && withFigures(view));
        });
    });
  });

  describe('staff hours and the chain’s own expenses and hours (minutes only: the ledger costs them)', () => {
    /** Each event applied to a draft agrees with the figures derived from scratch (the reference). */
    const agreesWithDerivation = (events: RecordedEvent[]): WorkshopChainView | undefined => {
      const drafts = new Fold('apply');
      let draft: WorkshopChainView | undefined;
      for (const event of events) {
        draft = drafts.step(event);
        const derived = draft && withFigures(JSON.parse(JSON.stringify(draft)) as WorkshopChainView);
        expect({ after: event.type, view: JSON.parse(JSON.stringify(draft)) }).toEqual({ after: event.type, view: derived && JSON.parse(JSON.stringify(derived)) });
      }
      return draft;
    };
    const given = (): RecordedEvent[] => [
      ...threeWorkshops(),
      expenseRecorded(RAUMA, expense(1), 'catering', 30_000),
      staffHoursRecorded(RAUMA, entry(1), 'running', 180),
      chainExpenseRecorded(CHAIN, expense(2), 'travel', 18_000),
      chainStaffHoursRecorded(CHAIN, entry(2), 'meeting', 60),
    ];

    it('StaffHoursRecorded: counts the workshop’s minutes by activity, in the totals', async () => {
      await spec()
        .given(given())
        .when(staffHoursRecorded(RAUMA, entry(3), 'planning', 45))
        .then((view) => {
          expect(workshopOf(view, RAUMA).staffMinutes).toEqual(staffMinutes(2, { running: 180, planning: 45 }));
          expect(view?.totals.staffMinutes).toEqual(staffMinutes(3, { running: 180, planning: 45, meeting: 60 }));
          expect(view).toEqual(view && withFigures(view));
        });
    });

    it('StaffHoursVoided: the entry leaves the minutes and is counted as voided', async () => {
      await spec()
        .given(given())
        .when(staffHoursVoided(RAUMA, entry(1)))
        .then((view) => {
          expect(workshopOf(view, RAUMA).staffMinutes).toEqual(staffMinutes(0, {}, 1));
          expect(view?.totals.staffMinutes).toEqual(staffMinutes(1, { meeting: 60 }, 1));
        });
    });

    it('ChainStaffHoursRecorded / Voided: the chain’s own minutes, beside the workshops’ and in the totals', async () => {
      await spec()
        .given([...given(), chainStaffHoursRecorded(CHAIN, entry(3), 'planning', 30)])
        .when(chainStaffHoursVoided(CHAIN, entry(2)))
        .then((view) => {
          expect(view?.chainStaffMinutes).toEqual(staffMinutes(1, { planning: 30 }, 1));
          expect(workshopOf(view, RAUMA).staffMinutes).toEqual(staffMinutes(1, { running: 180 }));
          expect(view?.totals.staffMinutes).toEqual(staffMinutes(2, { running: 180, planning: 30 }, 1));
          expect(view?.facts.chainStaffHours[entry(2)]).toEqual({ activity: 'meeting', minutes: 60, voided: true });
        });
    });

    it('ChainExpenseRecorded: the chain’s own expense, apart from the workshops’ and in the totals', async () => {
      await spec()
        .given(given())
        .when(chainExpenseRecorded(CHAIN, expense(3), 'catering', 2_500))
        .then((view) => {
          expect(view?.chainExpenses).toEqual({ count: 2, totalCents: 20_500, byCategory: { catering: 2_500, travel: 18_000 }, voidedCount: 0, correctedCount: 0 });
          expect(workshopOf(view, RAUMA).expenses.totalCents).toBe(30_000);
          expect(view?.totals.expenses).toEqual({ count: 3, totalCents: 50_500, byCategory: { catering: 32_500, travel: 18_000 }, voidedCount: 0, correctedCount: 0 });
          expect(view).toEqual(view && withFigures(view));
        });
    });

    it('ChainExpenseCorrected: the new figures replace the old ones, the category too', async () => {
      await spec()
        .given(given())
        .when(chainExpenseCorrected(CHAIN, expense(2), { amountCents: 16_500, category: 'venue' }, { amountCents: 18_000, category: 'travel' }))
        .then((view) => {
          expect(view?.chainExpenses).toEqual({ count: 1, totalCents: 16_500, byCategory: { venue: 16_500 }, voidedCount: 0, correctedCount: 1 });
          expect(view?.totals.expenses).toEqual({ count: 2, totalCents: 46_500, byCategory: { catering: 30_000, venue: 16_500 }, voidedCount: 0, correctedCount: 1 });
        });
    });

    it('ChainExpenseVoided: the expense leaves the totals and is counted as voided', async () => {
      await spec()
        .given(given())
        .when(chainExpenseVoided(CHAIN, expense(2)))
        .then((view) => {
          expect(view?.chainExpenses).toEqual({ count: 0, totalCents: 0, byCategory: {}, voidedCount: 1, correctedCount: 0 });
          expect(view?.totals.expenses).toEqual({ count: 1, totalCents: 30_000, byCategory: { catering: 30_000 }, voidedCount: 1, correctedCount: 0 });
        });
    });

    it('the incremental figures agree with the derivation through re-deliveries, 0-cent chain expenses and workshops moving', () => {
      const view = agreesWithDerivation([
        ...given(),
        // A category only the chain level shows, at 0 cents: shown while it lives, gone when voided.
        chainExpenseRecorded(CHAIN, expense(4), 'marketing', 0),
        chainExpenseRecorded(CHAIN, expense(5), 'materials', 0),
        expenseRecorded(PORI, expense(6), 'materials', 0),
        chainExpenseVoided(CHAIN, expense(4)),
        chainExpenseVoided(CHAIN, expense(5)),
        chainStaffHoursRecorded(CHAIN, entry(2), 'meeting', 60),
        staffHoursRecorded(KEMI, entry(4), 'follow-up', 15),
        // Rauma moves last: every figure derived again, the chain level kept.
        addedToChain(CHAIN, RAUMA, 3),
        staffHoursVoided(KEMI, entry(4)),
        staffHoursVoided(KEMI, entry(4)),
      ]);
      expect(view?.totals.expenses.byCategory).toEqual({ catering: 30_000, travel: 18_000, materials: 0 });
      expect(view?.totals.staffMinutes).toEqual(staffMinutes(2, { running: 180, meeting: 60 }, 1));
      expect(view?.workshops.map((w) => w.workshopId)).toEqual([PORI, KEMI, RAUMA]);
    });

    it('a chain stored before staff hours and chain-level expenses takes them, from zero', () => {
      const stored = JSON.parse(JSON.stringify(agreesWithDerivation(threeWorkshops()))) as WorkshopChainView;
      const old = stored as unknown as Record<string, unknown> & { facts: Record<string, unknown>; totals: Record<string, unknown>; workshops: Array<Record<string, unknown> & { facts: Record<string, unknown> }> };
      delete old.chainExpenses;
      delete old.chainStaffMinutes;
      delete old.facts.chainExpenses;
      delete old.facts.chainStaffHours;
      delete old.totals.staffMinutes;
      for (const workshop of old.workshops) {
        delete workshop.staffMinutes;
        delete workshop.facts.staffHours;
      }
      let view: WorkshopChainView | undefined = stored;
      for (const event of [chainExpenseRecorded(CHAIN, expense(1), 'travel', 1_000), chainStaffHoursRecorded(CHAIN, entry(1), 'meeting', 60), staffHoursRecorded(PORI, entry(2), 'running', 30)]) view = sut.apply!(view, event, CHAIN);

      expect(view?.chainExpenses.totalCents).toBe(1_000);
      expect(view?.totals.expenses.totalCents).toBe(1_000);
      expect(view?.totals.staffMinutes).toEqual(staffMinutes(2, { meeting: 60, running: 30 }));
      expect(workshopOf(view, PORI).staffMinutes).toEqual(staffMinutes(1, { running: 30 }));
    });
  });
});
