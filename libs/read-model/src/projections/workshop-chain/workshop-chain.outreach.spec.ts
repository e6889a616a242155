import { ProjectionSpec, recorded } from '@kuhina/testing';
import type { RecordedEvent } from '@kuhina/event-store';
import type { OutreachRecorded } from '@kuhina/domain';
import { workshopChainIndexProjection } from '../workshop-chain-index';
import { CHAIN, KEMI, ORG, RAUMA, addedToChain, attended, chainStarted, registered, registrationCancelled, uuid, waitlisted, workshopHeld, workshopPlanned } from './chain-events.spec-helper';
import { workshopChainProjection as sut } from './workshop-chain.projection';
import type { ChainWorkshop, WorkshopChainView } from './workshop-chain.view';

const person = (n: number) => uuid('e0000000', n);
const registration = (n: number) => uuid('b0000000', n);
const outreach = (n: number) => uuid('0e000000', n);

const spec = () => ProjectionSpec.for(sut, { upstream: [workshopChainIndexProjection] });

const outreachRecorded = (workshopId: string, outreachId: string, personIds: string[], firstContacts: number) =>
  recorded('OutreachRecorded', {
    workshopId,
    outreachId,
    channel: 'e-mail',
    sentOn: '2023-08-20',
    personIds,
    note: null,
    firstContacts,
    recordedAt: '2023-08-20T12:00:00+03:00',
  } satisfies OutreachRecorded['data']);

/** A registration that followed an outreach (the decider attributes it; the event carries it). */
const attributed = (event: RecordedEvent, outreachId: string): RecordedEvent => ({ ...event, data: { ...(event.data as object), outreachId } });

const workshopOf = (view: WorkshopChainView | undefined, workshopId: string): ChainWorkshop => {
  const found = view?.workshops.find((workshop) => workshop.workshopId === workshopId);
  if (!found) throw new Error(`workshop ${workshopId} is not in the view`);
  return found;
};

/** Rauma held with three participants; Kemi planned, its outreach to them (and a reminder that reaches one more). */
const beforeKemi = (): RecordedEvent[] => [
  chainStarted(),
  workshopPlanned(RAUMA, CHAIN),
  addedToChain(CHAIN, RAUMA, 0),
  workshopPlanned(KEMI, CHAIN, { startsAt: '2023-09-14T09:00:00+03:00', endsAt: '2023-09-14T15:00:00+03:00', capacity: 2 }),
  addedToChain(CHAIN, KEMI, 1),
  registered(RAUMA, registration(1), person(1), ORG.rauma),
  registered(RAUMA, registration(2), person(2), ORG.coaching),
  registered(RAUMA, registration(3), person(3), null),
  workshopHeld(RAUMA),
  attended(RAUMA, registration(1), person(1), ORG.rauma),
  attended(RAUMA, registration(2), person(2), ORG.coaching),
  attended(RAUMA, registration(3), person(3), null),
  outreachRecorded(KEMI, outreach(1), [person(1), person(2), person(3)], 3),
  outreachRecorded(KEMI, outreach(2), [person(1), person(4)], 1),
];

describe('workshop-chain projection: outreach', () => {
  it('counts outreaches and the people they reached, each person once (firstContacts)', async () => {
    const given = beforeKemi();
    const when = given.pop()!;
    await spec()
      .given(given)
      .when(when)
      .then((view) => {
        expect(workshopOf(view, KEMI).outreach).toEqual({ outreaches: 2, peopleReached: 4, registered: 0, attended: 0 });
        expect(workshopOf(view, RAUMA).outreach).toEqual({ outreaches: 0, peopleReached: 0, registered: 0, attended: 0 });
        expect(view?.totals.outreach).toEqual({ outreaches: 2, peopleReached: 4, registered: 0, attended: 0 });
      });
  });

  it('shows the returning participants outreach brought back: registered (not cancelled) and attended', async () => {
    const given = [
      ...beforeKemi(),
      attributed(registered(KEMI, registration(11), person(1), ORG.rauma), outreach(2)),
      attributed(registered(KEMI, registration(12), person(2), ORG.coaching), outreach(1)),
      // Waitlisted still followed the outreach; then cancelled, it no longer counts.
      attributed(waitlisted(KEMI, registration(13), person(3), null), outreach(1)),
      registrationCancelled(KEMI, registration(13), person(3), 'waitlisted'),
      // A newcomer nobody told: not attributed.
      registered(KEMI, registration(14), person(9), null),
      workshopHeld(KEMI),
    ];
    const when = attended(KEMI, registration(11), person(1), ORG.rauma);
    await spec()
      .given(given)
      .when(when)
      .then((view) => {
        expect(workshopOf(view, KEMI).outreach).toEqual({ outreaches: 2, peopleReached: 4, registered: 2, attended: 1 });
        expect(view?.totals.outreach).toEqual({ outreaches: 2, peopleReached: 4, registered: 2, attended: 1 });
        expect(workshopOf(view, KEMI).returningParticipants).toBe(1);
      });
  });

  it('a registration cancelled after the outreach brought it moves the figure back', async () => {
    const given = [...beforeKemi(), attributed(registered(KEMI, registration(11), person(1), ORG.rauma), outreach(2))];
    const when = registrationCancelled(KEMI, registration(11), person(1), 'registered');
    await spec()
      .given(given)
      .when(when)
      .then((view) => expect(workshopOf(view, KEMI).outreach).toEqual({ outreaches: 2, peopleReached: 4, registered: 0, attended: 0 }));
  });
});
