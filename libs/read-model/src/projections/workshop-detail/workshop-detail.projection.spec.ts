import { countRegistrations, noRegistrations, type ExpenseRecorded, type ResourcePledged, type WorkshopEvent, type WorkshopPlanned } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { workshopDetailProjection as sut } from './workshop-detail.projection';
import type { WorkshopDetailView } from './workshop-detail.view';

const W = '11111111-1111-4111-8111-111111111111';
const CHAIN = 'c0000000-0000-4000-8000-000000000001';
const CITY = 'a0000000-0000-4000-8000-000000000001';
const NGO = 'a0000000-0000-4000-8000-000000000002';
const ANNA = 'b0000000-0000-4000-8000-000000000001';
const BO = 'b0000000-0000-4000-8000-000000000002';

/** A workshop event of the given type, typed against the domain's event data. */
const event = <T extends WorkshopEvent['type']>(type: T, data: Omit<Extract<WorkshopEvent, { type: T }>['data'], 'workshopId'>) =>
  recorded(type, { workshopId: W, ...data });

const plan = (overrides: Partial<WorkshopPlanned['data']> = {}) =>
  event('WorkshopPlanned', {
    chainId: CHAIN,
    title: 'Tulevaisuuspaja Raumalla',
    theme: 'Social innovation in municipalities',
    method: 'futures workshop',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'Rauma city hall', municipality: 'Rauma', region: 'Satakunta' },
    startsAt: '2023-04-20T09:00:00+03:00',
    endsAt: '2023-04-20T15:00:00+03:00',
    targetGroups: ['municipal residents', 'NGO workers'],
    access: 'open',
    capacity: 2,
    coOrganizerIds: [CITY],
    plannedAt: '2023-02-01T10:00:00+02:00',
    ...overrides,
  });

const register = (registrationId: string, personId: string, organizationId: string | null = null) =>
  event('ParticipantRegistered', {
    registrationId,
    personId,
    organizationId,
    attendanceMode: 'on-site',
    expectations: null,
    advanceQuestions: [],
    registeredAt: '2023-04-01T12:00:00+03:00',
  });

/** The credit note of the catering invoice: 450 € corrected to 400 €. */
const creditNote = (expenseId: string) =>
  event('ExpenseCorrected', {
    expenseId,
    amountCents: 40_000,
    category: 'catering',
    fundingSource: 'esf',
    receiptReference: 'INV-2023-041b',
    previous: { amountCents: 45_000, category: 'catering', fundingSource: 'esf', receiptReference: 'INV-2023-041' },
    reason: 'credit note',
    correctedAt: '2023-05-02T10:00:00+03:00',
  });

const waitlist = (registrationId: string, personId: string, position: number) =>
  event('ParticipantWaitlisted', {
    registrationId,
    personId,
    organizationId: null,
    attendanceMode: 'remote',
    expectations: null,
    advanceQuestions: [],
    position,
    waitlistedAt: '2023-04-02T12:00:00+03:00',
  });

const pledge = (pledgeId: string, overrides: Partial<ResourcePledged['data']> = {}) =>
  event('ResourcePledged', {
    pledgeId,
    organizationId: CITY,
    kind: 'venue',
    description: 'Council hall for the day',
    inKindValueCents: 80_000,
    valuationBasis: 'City rental price list 2023',
    pledgedAt: '2023-03-01T10:00:00+02:00',
    ...overrides,
  });

const expense = (expenseId: string, overrides: Partial<ExpenseRecorded['data']> = {}) =>
  event('ExpenseRecorded', {
    expenseId,
    category: 'catering',
    amountCents: 45_000,
    fundingSource: 'esf',
    receiptReference: 'INV-2023-041',
    description: 'Lunch, vegetarian',
    incurredOn: '2023-04-20',
    recordedAt: '2023-04-25T10:00:00+03:00',
    ...overrides,
  });

const figures = (view: WorkshopDetailView | undefined) => view?.counts;

describe('workshop-detail projection', () => {
  it('WorkshopPlanned creates the document with every plan field, status planned, indexed by chain and sorted by start', async () => {
    const planned = plan();
    await ProjectionSpec.for(sut)
      .given([])
      .when(planned)
      .then((view, outcome) => {
        expect(view).toMatchObject({
          workshopId: W,
          chainId: CHAIN,
          chainOrder: null,
          title: 'Tulevaisuuspaja Raumalla',
          theme: 'Social innovation in municipalities',
          method: 'futures workshop',
          kind: 'co-development',
          format: 'hybrid',
          location: { venue: 'Rauma city hall', municipality: 'Rauma', region: 'Satakunta' },
          startsAt: '2023-04-20T09:00:00+03:00',
          endsAt: '2023-04-20T15:00:00+03:00',
          targetGroups: ['municipal residents', 'NGO workers'],
          access: 'open',
          capacity: 2,
          coOrganizerIds: [CITY],
          status: 'planned',
          dates: { plannedAt: '2023-02-01T10:00:00+02:00', registrationOpenedAt: null, heldOn: null },
          counts: noRegistrations(),
          invited: 0,
          pledges: [],
          expenses: [],
          sustainability: null,
          revision: planned.revision,
          lastPosition: planned.position.toString(),
        });
        expect(outcome.putOptions.get(W)).toEqual({ indexes: { chainId: CHAIN }, sortKey: '2023-04-20T09:00:00+03:00' });
      });
  });

  it('a workshop planned outside any chain has no chain index', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(plan({ chainId: null }))
      .then((view, outcome) => {
        expect(view?.chainId).toBeNull();
        expect(outcome.putOptions.get(W)).toEqual({ indexes: {}, sortKey: '2023-04-20T09:00:00+03:00' });
      });
  });

  it('WorkshopAddedToChain records the chain and the place in it', async () => {
    const given = [plan({ chainId: null })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(recorded('WorkshopAddedToChain', { chainId: CHAIN, workshopId: W, order: 2, at: '2023-02-02T10:00:00Z' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ chainId: CHAIN, chainOrder: 2 });
        expect(outcome.putOptions.get(W)?.indexes).toEqual({ chainId: CHAIN });
      });
  });

  it('an event of a workshop never planned creates no document', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(event('RegistrationOpened', { openedAt: '2023-03-01T10:00:00+02:00' }))
      .then((view, outcome) => {
        expect(view).toBeUndefined();
        expect(outcome.documents.size).toBe(0);
      });
  });

  it('WorkshopRescheduled moves the dates and the location', async () => {
    const given = [plan()];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(
        event('WorkshopRescheduled', {
          startsAt: '2023-04-27T09:00:00+03:00',
          endsAt: '2023-04-27T14:00:00+03:00',
          location: { venue: 'Rauma library', municipality: 'Rauma', region: 'Satakunta' },
          previousStartsAt: '2023-04-20T09:00:00+03:00',
          previousEndsAt: '2023-04-20T15:00:00+03:00',
          rescheduledAt: '2023-03-10T08:00:00+02:00',
        }),
      )
      .then((view, outcome) => {
        expect(view).toMatchObject({
          startsAt: '2023-04-27T09:00:00+03:00',
          endsAt: '2023-04-27T14:00:00+03:00',
          location: { venue: 'Rauma library' },
          dates: { rescheduledAt: '2023-03-10T08:00:00+02:00' },
        });
        expect(outcome.putOptions.get(W)?.sortKey).toBe('2023-04-27T09:00:00+03:00');
      });
  });

  it('CoOrganizerAdded and WorkshopCapacityChanged update the plan', async () => {
    const given = [plan(), event('CoOrganizerAdded', { organizationId: NGO, addedAt: '2023-02-10T10:00:00+02:00' })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('WorkshopCapacityChanged', { capacity: 40, previousCapacity: 2, changedAt: '2023-02-11T10:00:00+02:00' }))
      .then((view) => {
        expect(view?.coOrganizerIds).toEqual([CITY, NGO]);
        expect(view?.capacity).toBe(40);
      });
  });

  it('RegistrationOpened and RegistrationClosed change the status and keep their dates', async () => {
    const given = [plan(), event('RegistrationOpened', { openedAt: '2023-03-01T10:00:00+02:00' })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('RegistrationClosed', { closedAt: '2023-04-15T23:59:00+03:00' }))
      .then((view) => {
        expect(view?.status).toBe('registration-closed');
        expect(view?.dates).toMatchObject({ registrationOpenedAt: '2023-03-01T10:00:00+02:00', registrationClosedAt: '2023-04-15T23:59:00+03:00' });
      });
  });

  it('PersonInvited counts invitations once per person', async () => {
    const given = [plan(), event('PersonInvited', { personId: ANNA, invitedAt: '2023-03-01T10:00:00+02:00' })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('PersonInvited', { personId: BO, invitedAt: '2023-03-02T10:00:00+02:00' }))
      .then((view) => expect(view?.invited).toBe(2));
  });

  it('registrations, waitlist, promotion and cancellation give the counts', async () => {
    const given = [plan(), register('r1', ANNA), register('r2', BO), waitlist('r3', 'p3', 1), waitlist('r4', 'p4', 2)];
    const cancelled = event('RegistrationCancelled', {
      registrationId: 'r1',
      personId: ANNA,
      previousStatus: 'registered',
      reason: 'ill',
      cancelledAt: '2023-04-10T10:00:00+03:00',
    });
    const promoted = event('WaitlistedParticipantPromoted', { registrationId: 'r3', personId: 'p3', promotedAt: '2023-04-10T10:00:00+03:00' });
    await ProjectionSpec.for(sut)
      .given([...given, cancelled])
      .when(promoted)
      .then((view) => expect(figures(view)).toMatchObject({ registered: 2, waitlisted: 1, cancelled: 1 }));
  });

  it('AttendanceRecorded counts on-site and remote attendance', async () => {
    const given = [
      plan(),
      register('r1', ANNA, CITY),
      register('r2', BO, NGO),
      event('WorkshopHeld', { heldOn: '2023-04-20' }),
      event('AttendanceRecorded', { registrationId: 'r1', personId: ANNA, organizationId: CITY, mode: 'on-site', recordedAt: '2023-04-20T16:00:00+03:00' }),
    ];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('AttendanceRecorded', { registrationId: 'r2', personId: BO, organizationId: NGO, mode: 'remote', recordedAt: '2023-04-20T16:00:00+03:00' }))
      .then((view) => expect(figures(view)).toMatchObject({ registered: 2, attendedOnSite: 1, attendedRemote: 1, attended: 2 }));
  });

  it('the counts are the domain\'s count of the registrations, whatever order the events came in', async () => {
    const given = [plan(), register('r1', ANNA), register('r2', BO), waitlist('r3', 'p3', 1), event('WorkshopHeld', { heldOn: '2023-04-20' })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('AttendanceRecorded', { registrationId: 'r2', personId: BO, organizationId: null, mode: 'on-site', recordedAt: '2023-04-20T16:00:00+03:00' }))
      .then((view) => {
        const states = [
          { status: 'registered', attended: null, role: 'participant' },
          { status: 'registered', attended: 'on-site', role: 'participant' },
          { status: 'waitlisted', attended: null, role: 'participant' },
        ] as const;
        expect(view?.counts).toEqual(countRegistrations(states));
        expect(view?.facts).toEqual({ staff: {} });
        expect(view?.counts).toEqual({ ...noRegistrations(), registered: 2, waitlisted: 1, attended: 1, attendedOnSite: 1 });
      });
  });

  it('keeps the revision of the workshop stream\'s last event (the ETag), not of the chain\'s WorkshopAddedToChain', async () => {
    const planned = plan({ chainId: null });
    const opened = event('RegistrationOpened', { openedAt: '2023-03-01T10:00:00+02:00' });
    const added = recorded('WorkshopAddedToChain', { chainId: CHAIN, workshopId: W, order: 4, at: '2023-03-02T10:00:00Z' });
    await ProjectionSpec.for(sut)
      .given([planned, opened])
      .when(added)
      .then((view) => {
        expect(added.stream).not.toBe(opened.stream);
        expect(view).toMatchObject({ revision: opened.revision, chainOrder: 4, lastPosition: added.position.toString() });
        expect(opened.revision).toBe(planned.revision + 1);
      });
  });

  it('ResourcePledged lists the pledge as pending with its in-kind value and basis', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(pledge('p1'))
      .then((view) => {
        expect(view?.pledges).toEqual([
          {
            pledgeId: 'p1',
            organizationId: CITY,
            kind: 'venue',
            description: 'Council hall for the day',
            inKindValueCents: 80_000,
            valuationBasis: 'City rental price list 2023',
            status: 'pending',
            pledgedAt: '2023-03-01T10:00:00+02:00',
            fulfilledAt: null,
            withdrawnAt: null,
            withdrawalReason: null,
          },
        ]);
        expect(view?.totals).toMatchObject({ inKindPledgedCents: 80_000, inKindFulfilledCents: 0 });
      });
  });

  it('PledgeFulfilled and PledgeWithdrawn change the pledge status and the in-kind totals', async () => {
    const given = [
      plan(),
      pledge('p1'),
      pledge('p2', { organizationId: NGO, kind: 'materials', inKindValueCents: 12_000 }),
      event('PledgeWithdrawn', { pledgeId: 'p2', organizationId: NGO, reason: 'out of stock', withdrawnAt: '2023-04-01T10:00:00+03:00' }),
    ];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('PledgeFulfilled', { pledgeId: 'p1', organizationId: CITY, fulfilledAt: '2023-04-20T17:00:00+03:00' }))
      .then((view) => {
        expect(view?.pledges.map((p) => [p.pledgeId, p.status])).toEqual([
          ['p1', 'fulfilled'],
          ['p2', 'withdrawn'],
        ]);
        expect(view?.pledges[0].fulfilledAt).toBe('2023-04-20T17:00:00+03:00');
        expect(view?.pledges[1].withdrawalReason).toBe('out of stock');
        expect(view?.totals).toMatchObject({ inKindPledgedCents: 80_000, inKindFulfilledCents: 80_000 });
      });
  });

  it('ExpenseRecorded lists the expense and adds it to the total', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), expense('e1')])
      .when(expense('e2', { category: 'travel', amountCents: 12_550, fundingSource: 'own', receiptReference: 'VR-1' }))
      .then((view) => {
        expect(view?.expenses.map((e) => [e.expenseId, e.category, e.amountCents, e.fundingSource, e.receiptReference, e.status])).toEqual([
          ['e1', 'catering', 45_000, 'esf', 'INV-2023-041', 'recorded'],
          ['e2', 'travel', 12_550, 'own', 'VR-1', 'recorded'],
        ]);
        expect(view?.totals.expensesCents).toBe(57_550);
      });
  });

  it('ExpenseCorrected replaces the figures and keeps the history of corrections', async () => {
    const given = [plan(), expense('e1')];
    const correction = creditNote('e1');
    await ProjectionSpec.for(sut)
      .given(given)
      .when(correction)
      .then((view) => {
        expect(view?.expenses[0]).toMatchObject({ amountCents: 40_000, receiptReference: 'INV-2023-041b', status: 'corrected' });
        expect(view?.expenses[0].corrections).toEqual([
          {
            eventId: correction.id,
            previous: { amountCents: 45_000, category: 'catering', fundingSource: 'esf', receiptReference: 'INV-2023-041' },
            corrected: { amountCents: 40_000, category: 'catering', fundingSource: 'esf', receiptReference: 'INV-2023-041b' },
            reason: 'credit note',
            correctedAt: '2023-05-02T10:00:00+03:00',
          },
        ]);
        expect(view?.totals.expensesCents).toBe(40_000);
      });
  });

  it('ExpenseVoided keeps the expense, marked voided, out of the total', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), expense('e1'), expense('e2', { amountCents: 1_000 })])
      .when(event('ExpenseVoided', { expenseId: 'e1', reason: 'duplicate receipt', voidedAt: '2023-05-02T10:00:00+03:00' }))
      .then((view) => {
        expect(view?.expenses[0]).toMatchObject({ expenseId: 'e1', status: 'voided', voidReason: 'duplicate receipt', amountCents: 45_000 });
        expect(view?.totals.expensesCents).toBe(1_000);
      });
  });

  it('CitizenInputCollected and CitizenInputSummaryForwarded record citizen input', async () => {
    const given = [
      plan(),
      event('CitizenInputCollected', { inputId: 'i1', topic: 'services', summary: 'More evening hours', citizensHeard: 40, collectedAt: '2023-07-12T12:00:00+03:00' }),
      event('CitizenInputCollected', { inputId: 'i2', topic: 'transport', summary: 'Bus lines', citizensHeard: 25, collectedAt: '2023-07-12T15:00:00+03:00' }),
    ];
    const forwarded = event('CitizenInputSummaryForwarded', {
      summary: 'Residents ask for evening services',
      recipients: ['City board of Pori'],
      forwardedAt: '2023-08-01T10:00:00+03:00',
    });
    await ProjectionSpec.for(sut)
      .given(given)
      .when(forwarded)
      .then((view) => {
        expect(view?.citizenInput.citizensHeard).toBe(65);
        expect(view?.citizenInput.inputs.map((i) => i.inputId)).toEqual(['i1', 'i2']);
        expect(view?.citizenInput.forwardings).toEqual([
          { eventId: forwarded.id, summary: 'Residents ask for evening services', recipients: ['City board of Pori'], forwardedAt: '2023-08-01T10:00:00+03:00' },
        ]);
      });
  });

  it('PlanningMeetingRecorded lists the meeting', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(
        event('PlanningMeetingRecorded', {
          meetingId: 'm1',
          heldOn: '2023-03-03',
          kind: 'partner',
          online: true,
          organizationIds: [CITY, NGO],
          notes: 'Agenda agreed',
          recordedAt: '2023-03-03T12:00:00+02:00',
        }),
      )
      .then((view) =>
        expect(view?.planningMeetings).toEqual([
          { meetingId: 'm1', heldOn: '2023-03-03', kind: 'partner', online: true, organizationIds: [CITY, NGO], notes: 'Agenda agreed' },
        ]),
      );
  });

  it('SustainabilityPracticesRecorded: the latest record replaces the earlier one', async () => {
    const given = [
      plan(),
      event('SustainabilityPracticesRecorded', { practices: ['public-transport'], notes: 'first', recordedAt: '2023-04-21T10:00:00+03:00' }),
    ];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(
        event('SustainabilityPracticesRecorded', {
          practices: ['public-transport', 'vegetarian-food', 'leftovers-reused'],
          notes: 'complete',
          recordedAt: '2023-04-22T10:00:00+03:00',
        }),
      )
      .then((view) =>
        expect(view?.sustainability).toEqual({
          practices: ['public-transport', 'vegetarian-food', 'leftovers-reused'],
          notes: 'complete',
          recordedAt: '2023-04-22T10:00:00+03:00',
        }),
      );
  });

  it('WorkshopHeld then WorkshopReported: status reported with the held date and the summary', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), event('WorkshopHeld', { heldOn: '2023-04-20' })])
      .when(event('WorkshopReported', { summary: '38 participants, futures map drawn', reportedAt: '2023-05-05T10:00:00+03:00' }))
      .then((view) => {
        expect(view?.status).toBe('reported');
        expect(view?.reportSummary).toBe('38 participants, futures map drawn');
        expect(view?.dates).toMatchObject({ heldOn: '2023-04-20', reportedAt: '2023-05-05T10:00:00+03:00' });
      });
  });

  it('WorkshopCancelled: status cancelled with the reason and date', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(event('WorkshopCancelled', { reason: 'venue flooded', cancelledAt: '2023-04-18T10:00:00+03:00' }))
      .then((view) => {
        expect(view?.status).toBe('cancelled');
        expect(view?.cancellationReason).toBe('venue flooded');
        expect(view?.dates.cancelledAt).toBe('2023-04-18T10:00:00+03:00');
      });
  });

  it('is idempotent if applied twice (a replayed correction is not listed twice)', async () => {
    const given = [plan(), expense('e1')];
    const correction = creditNote('e1');
    // The helper applies `when` a second time, and once more with the guard rewound, and compares.
    await ProjectionSpec.for(sut)
      .given(given)
      .when(correction)
      .then((view) => {
        expect(view?.expenses[0].corrections).toHaveLength(1);
        expect(view?.lastPosition).toBe(correction.position.toString());
      });
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(
        recorded('OrganizationRegistered', {
          organizationId: NGO,
          name: 'Valmennusyhdistys',
          sector: 'ngo',
          municipality: 'Rauma',
          region: 'Satakunta',
          businessId: null,
          website: null,
          at: '2023-01-10T10:00:00Z',
        }),
      )
      .thenNothingChanges();
  });

  it('feedback is not this view’s concern: FeedbackSubmitted changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), event('WorkshopHeld', { heldOn: '2023-04-20' })])
      .when(event('FeedbackSubmitted', { feedbackId: 'f1', registrationId: null, anonymous: true, rating: 5, comment: null, submittedAt: '2023-04-20T16:00:00+03:00' }))
      .thenNothingChanges();
  });

  describe('roles: the programme lists the speakers; the people who ran the workshop count apart', () => {
    const staff = (registrationId: string, personId: string, role: 'organiser' | 'host' | 'speaker', speaker: { topic: string | null; paid: boolean } | null = null) =>
      event('ParticipantRegistered', { registrationId, personId, organizationId: NGO, attendanceMode: 'on-site', expectations: null, advanceQuestions: [], role, speaker, registeredAt: '2023-04-01T12:00:00+03:00' });

    it('a speaker joins the programme with topic and fee status, beside the counts', async () => {
      await ProjectionSpec.for(sut)
        .given([plan(), register('r1', ANNA), staff('r2', BO, 'organiser')])
        .when(staff('r3', 'p-speaker', 'speaker', { topic: 'Validation framework', paid: false }))
        .then((view) => {
          expect(view?.programme).toEqual([{ registrationId: 'r3', organizationId: NGO, topic: 'Validation framework', paid: false, status: 'registered', attended: false }]);
          expect(view?.counts).toMatchObject({ registered: 1, staff: { organiser: { registered: 1, attended: 0 }, speaker: { registered: 1, attended: 0 } } });
        });
    });

    it('the speaker’s attendance and cancellation show on the programme', async () => {
      const given = [plan(), staff('r3', 'p-speaker', 'speaker', { topic: null, paid: true }), event('WorkshopHeld', { heldOn: '2023-04-20' })];
      await ProjectionSpec.for(sut)
        .given(given)
        .when(event('AttendanceRecorded', { registrationId: 'r3', personId: 'p-speaker', organizationId: NGO, mode: 'on-site', role: 'speaker', recordedAt: '2023-04-20T12:00:00+03:00' }))
        .then((view) => {
          expect(view?.programme[0]).toMatchObject({ attended: true, paid: true });
          expect(view?.counts.staff.speaker).toEqual({ registered: 1, attended: 1 });
          expect(view?.counts.attended).toBe(0);
        });
      await ProjectionSpec.for(sut)
        .given([plan(), staff('r3', 'p-speaker', 'speaker')])
        .when(event('RegistrationCancelled', { registrationId: 'r3', personId: 'p-speaker', previousStatus: 'registered', reason: 'ill', cancelledAt: '2023-04-10T08:00:00+03:00' }))
        .then((view) => {
          expect(view?.programme[0]?.status).toBe('cancelled');
          expect(view?.counts.staff.speaker.registered).toBe(0);
          expect(view?.counts.cancelled).toBe(0);
        });
    });

    it('keeps how the citizens heard were counted with each input (null when the record does not say)', async () => {
      const input = (inputId: string, countingMethod?: 'tally') =>
        event('CitizenInputCollected', { inputId, topic: 'Arki', summary: 'Kohtaamispaikkoja', citizensHeard: 10, ...(countingMethod ? { countingMethod } : {}), collectedAt: '2023-06-14' });
      await ProjectionSpec.for(sut)
        .given([plan({ kind: 'street-event' }), input('ci-1')])
        .when(input('ci-2', 'tally'))
        .then((view) => {
          expect(view?.citizenInput.inputs.map((i) => i.countingMethod)).toEqual([null, 'tally']);
          expect(view?.citizenInput.citizensHeard).toBe(20);
        });
    });
  });
});
