import type { RecordedEvent } from '@kuhina/event-store';
import { pseudonym } from '@kuhina/privacy';
import { figuresOf } from './audit-records';
import { buildLedger, roundHalfUp, staffCostCents } from './audit-ledger';
import { AuditReader } from './audit-reader';
import { chainFacts } from './chain-facts';
import { buildIndicators } from './esf-indicators';

const CHAIN = 'c0000000-0000-4000-8000-000000000001';
const CODEV = 'w0000000-0000-4000-8000-000000000001';
const INFO = 'w0000000-0000-4000-8000-000000000002';
const OTHER_CHAIN_WORKSHOP = 'w0000000-0000-4000-8000-000000000003';
const ORG = 'o0000000-0000-4000-8000-000000000001';

let position = 0n;
const event = (stream: string, type: string, data: Record<string, unknown>): RecordedEvent => {
  position += 1n;
  return {
    id: `e-${position}`,
    type,
    stream,
    revision: 0,
    data,
    position,
    prevHash: null,
    hash: 'h',
    metadata: { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-20T10:00:00.000Z', actor: 'office', correlationId: `r-${position}`, causationId: `c-${position}`, schemaVersion: 1 },
  };
};
const expense = (expenseId: string, amountCents: number, category = 'catering') => ({ workshopId: CODEV, expenseId, amountCents, category, fundingSource: 'esf', receiptReference: `R-${expenseId}`, description: 'x', incurredOn: '2023-04-19', recordedAt: 'x' });
const attend = (workshopId: string, personId: string, role?: string, organizationId = ORG) => [
  event(`workshop-${workshopId}`, 'ParticipantRegistered', { workshopId, registrationId: `reg-${workshopId}-${personId}`, personId, organizationId, ...(role ? { role } : {}) }),
  event(`workshop-${workshopId}`, 'AttendanceRecorded', { workshopId, registrationId: `reg-${workshopId}-${personId}`, personId, organizationId, ...(role ? { role } : {}) }),
];

const history = (): RecordedEvent[] => {
  position = 0n;
  return [
    event(`chain-${CHAIN}`, 'ChainStarted', { chainId: CHAIN, name: 'Ketju' }),
    event(`organization-${ORG}`, 'OrganizationRegistered', { organizationId: ORG, name: 'Osuuskunta', sector: 'social-enterprise' }),
    event(`workshop-${CODEV}`, 'WorkshopPlanned', { workshopId: CODEV, chainId: CHAIN, title: 'Co-dev', kind: 'co-development' }),
    event(`chain-${CHAIN}`, 'WorkshopAddedToChain', { chainId: CHAIN, workshopId: CODEV, order: 0 }),
    event(`workshop-${INFO}`, 'WorkshopPlanned', { workshopId: INFO, chainId: CHAIN, title: 'Info', kind: 'information-event' }),
    event(`chain-${CHAIN}`, 'WorkshopAddedToChain', { chainId: CHAIN, workshopId: INFO, order: 1 }),
    event(`workshop-${OTHER_CHAIN_WORKSHOP}`, 'WorkshopPlanned', { workshopId: OTHER_CHAIN_WORKSHOP, chainId: null, title: 'Elsewhere', kind: 'co-development' }),
    event(`person-p1`, 'PersonCreated', { personId: 'p1', esfProfile: { gender: 'female', ageBand: '30-54', labourMarketStatus: 'employed', educationLevel: 'isced-5-8' } }),
    event(`person-p2`, 'PersonCreated', { personId: 'p2', esfProfile: null }),
    ...attend(CODEV, 'p1'),
    ...attend(CODEV, 'p2'),
    ...attend(INFO, 'p3'),
    ...attend(OTHER_CHAIN_WORKSHOP, 'p4'),
    event(`workshop-${CODEV}`, 'ExpenseRecorded', expense('x1', 10_000)),
    event(`workshop-${CODEV}`, 'ExpenseRecorded', expense('x2', 5_000, 'venue')),
    event(`workshop-${CODEV}`, 'ExpenseCorrected', { ...expense('x2', 7_000, 'venue'), previous: {} }),
    event(`workshop-${CODEV}`, 'ExpenseRecorded', expense('x3', 99_000)),
    event(`workshop-${CODEV}`, 'ExpenseVoided', { workshopId: CODEV, expenseId: 'x3', reason: 'duplicate' }),
    event(`workshop-${OTHER_CHAIN_WORKSHOP}`, 'ExpenseRecorded', { ...expense('x4', 1_000), workshopId: OTHER_CHAIN_WORKSHOP }),
    event(`workshop-${CODEV}`, 'ResourcePledged', { workshopId: CODEV, pledgeId: 'g1', organizationId: ORG, kind: 'venue', description: 'Sali', inKindValueCents: 30_000, valuationBasis: 'list price' }),
    event(`workshop-${CODEV}`, 'PledgeFulfilled', { workshopId: CODEV, pledgeId: 'g1', organizationId: ORG }),
    event(`workshop-${CODEV}`, 'ResourcePledged', { workshopId: CODEV, pledgeId: 'g2', organizationId: ORG, kind: 'catering', description: 'Kahvit', inKindValueCents: 5_000, valuationBasis: 'invoice' }),
    event(`workshop-${CODEV}`, 'PledgeWithdrawn', { workshopId: CODEV, pledgeId: 'g2', organizationId: ORG }),
  ];
};

describe('Audit reports from a chain’s events', () => {
  it('ledger: corrections replace figures, voids count 0 but stay listed, other chains are left out', () => {
    const sut = buildLedger(chainFacts(CHAIN, history()));

    expect(sut.expenses.totalCents.value).toBe(17_000);
    expect(sut.expenses.byCategory).toEqual({ catering: expect.objectContaining({ value: 10_000 }), venue: expect.objectContaining({ value: 7_000 }) });
    expect(sut.expenses.entries.map((e) => [e.expenseId, e.status, e.counted.value, e.history.map((h) => h.type)])).toEqual([
      ['x1', 'recorded', 10_000, ['ExpenseRecorded']],
      ['x2', 'corrected', 7_000, ['ExpenseRecorded', 'ExpenseCorrected']],
      ['x3', 'voided', 0, ['ExpenseRecorded', 'ExpenseVoided']],
    ]);
    // The voided expense's events stay behind the total: the auditor sees what was taken out.
    expect(sut.expenses.totalCents.sources.map((s) => s.type)).toContain('ExpenseVoided');
  });

  it('ledger: in-kind value delivered only when the pledge was fulfilled; withdrawn pledges are listed but not counted', () => {
    const sut = buildLedger(chainFacts(CHAIN, history()));

    expect(sut.inKind.contributions.map((c) => [c.pledgeId, c.status, c.delivered, c.organizationName])).toEqual([
      ['g1', 'fulfilled', true, 'Osuuskunta'],
      ['g2', 'withdrawn', false, 'Osuuskunta'],
    ]);
    expect(sut.inKind.deliveredCents.value).toBe(30_000);
    expect(sut.inKind.pledgedCents.value).toBe(30_000);
  });

  it('indicators: co-development attendees are participants, information-event attendees apart; unknown answers land in unknown', () => {
    const sut = buildIndicators(chainFacts(CHAIN, history()), (id) => `pseudo-${id}`);

    expect(sut.participants.total).toMatchObject({ value: 2, people: ['pseudo-p1', 'pseudo-p2'] });
    expect(sut.participants.byGender.female).toMatchObject({ value: 1, people: ['pseudo-p1'] });
    expect(sut.participants.byGender.unknown).toMatchObject({ value: 1, people: ['pseudo-p2'] });
    expect(sut.participants.byAgeBand['30-54'].value).toBe(1);
    expect(sut.countedApart.informationEventAttendees).toMatchObject({ value: 1, people: ['pseudo-p3'] });
    // A social enterprise is an SME for the ESF.
    expect(sut.organizations.byType.sme).toMatchObject({ value: 1, organizations: [{ organizationId: ORG, name: 'Osuuskunta' }] });
    expect(sut.organizations.total.value).toBe(1);
  });

  it('every figure can name its events, and the paths say where the figure sits', () => {
    const ledger = buildLedger(chainFacts(CHAIN, history()));
    const paths = figuresOf(ledger).map((f) => f.path);

    expect(paths).toEqual(expect.arrayContaining(['expenses.totalCents', `expenses.byWorkshop[${CODEV}].totalCents`, 'expenses.entries[x2].counted', 'inKind.contributions[g1].valueCents', 'counts.participants']));
    expect(figuresOf(ledger).find((f) => f.path === 'counts.participants')!.figure.sources.map((s) => s.type)).toEqual(['ParticipantRegistered', 'AttendanceRecorded', 'ParticipantRegistered', 'AttendanceRecorded']);
  });

  describe('roles: only participants are ESF+ participants; the people who ran the workshops are counted apart', () => {
    const HUB = 'o0000000-0000-4000-8000-00000000000h';
    const STREET = 'w0000000-0000-4000-8000-000000000004';
    const withRoles = (): RecordedEvent[] => [
      ...history(),
      event(`organization-${HUB}`, 'OrganizationRegistered', { organizationId: HUB, name: 'Osaamiskeskus', sector: 'public-administration' }),
      event(`chain-${CHAIN}`, 'ChainDetailsUpdated', { chainId: CHAIN, hubOrganizationId: HUB }),
      ...attend(CODEV, 'core-1', 'organiser', HUB),
      ...attend(INFO, 'core-1', 'organiser', HUB),
      ...attend(CODEV, 'host-1', 'host'),
      ...attend(CODEV, 'speaker-1', 'speaker', null as never),
      event(`workshop-${STREET}`, 'WorkshopPlanned', { workshopId: STREET, chainId: CHAIN, title: 'Penkkikahvila', kind: 'street-event' }),
      ...attend(STREET, 'host-2', 'host'),
      event(`workshop-${STREET}`, 'CitizenInputCollected', { workshopId: STREET, inputId: 'ci-1', citizensHeard: 126, countingMethod: 'tally' }),
      event(`workshop-${STREET}`, 'CitizenInputCollected', { workshopId: STREET, inputId: 'ci-2', citizensHeard: 4 }),
    ];

    it('counts participants only, and each other role apart, people by pseudonym', () => {
      const sut = buildIndicators(chainFacts(CHAIN, withRoles()), (id) => `pseudo-${id}`);

      expect(sut.participants.total).toMatchObject({ value: 2, people: ['pseudo-p1', 'pseudo-p2'] });
      expect(sut.countedApart.informationEventAttendees).toMatchObject({ value: 1, people: ['pseudo-p3'] });
      expect(sut.countedApart.byRole.organiser).toMatchObject({ value: 1, people: ['pseudo-core-1'] });
      expect(sut.countedApart.byRole.host).toMatchObject({ value: 2, people: ['pseudo-host-1', 'pseudo-host-2'] });
      expect(sut.countedApart.byRole.speaker).toMatchObject({ value: 1, people: ['pseudo-speaker-1'] });
      // The ledger's counts say the same, each traceable to the registrations and attendances behind it.
      const ledger = buildLedger(chainFacts(CHAIN, withRoles()));
      expect([ledger.counts.participants.value, ledger.counts.staff.organiser.value, ledger.counts.staff.host.value, ledger.counts.staff.speaker.value]).toEqual([2, 1, 2, 1]);
      expect(ledger.counts.staff.organiser.sources.map((s) => s.type)).toEqual(['ParticipantRegistered', 'AttendanceRecorded', 'ParticipantRegistered', 'AttendanceRecorded']);
    });

    it('takes the citizens heard at a street event from the tallies only, by counting method; hosts there are not citizens', () => {
      const sut = buildIndicators(chainFacts(CHAIN, withRoles()), (id) => id);

      expect(sut.countedApart.streetEventCitizens.value).toBe(130);
      expect(sut.countedApart.streetEventCitizens.byCountingMethod).toMatchObject({ tally: 126, unspecified: 4, 'head-count': 0 });
      expect(sut.countedApart.streetEventCitizens.sources.map((s) => s.type)).toEqual(['CitizenInputCollected', 'CitizenInputCollected']);
    });

    it('never counts the hub organisation as supported, and names it apart', () => {
      const sut = buildIndicators(chainFacts(CHAIN, withRoles()), (id) => id);

      expect(sut.organizations.total.organizations).not.toContainEqual(expect.objectContaining({ organizationId: HUB }));
      expect(sut.organizations.total.value).toBe(1);
      expect(sut.countedApart.hubOrganization).toEqual({ organizationId: HUB, name: 'Osaamiskeskus' });
      // Without the hub configured, the same attendance makes it a reached organisation: the configuration is what leaves it out.
      const unconfigured = buildIndicators(chainFacts(CHAIN, withRoles().filter((e) => e.type !== 'ChainDetailsUpdated')), (id) => id);
      expect(unconfigured.organizations.total.value).toBe(2);
    });
  });

  describe('staff costs, chain-level expenses and the flat rate', () => {
    // Staff are people: UUIDs, so the pseudonymisation finds them in stream names too.
    const S1 = 'a1111111-0000-4000-8000-000000000001';
    const S2 = 'a1111111-0000-4000-8000-000000000002';
    const rate = (personId: string, rateId: string, hourlyRateCents: number, validFrom: string, validUntil: string | null) =>
      event(`staff-${personId}`, 'HourlyRateSet', { personId, rateId, hourlyRateCents, validFrom, validUntil, basis: 'annual salary with side costs / 1,720 h', at: 'x' });
    const hours = (entryId: string, personId: string, activity: string, workedOn: string, minutes: number, workshopId: string | null = null) =>
      workshopId === null
        ? event(`chain-${CHAIN}`, 'ChainStaffHoursRecorded', { chainId: CHAIN, entryId, personId, activity, workedOn, minutes, note: `note ${entryId}`, at: 'x' })
        : event(`workshop-${workshopId}`, 'StaffHoursRecorded', { workshopId, entryId, personId, activity, workedOn, minutes, note: `note ${entryId}`, recordedAt: 'x' });
    const chainExpense = (expenseId: string, amountCents: number) => ({ chainId: CHAIN, expenseId, amountCents, category: 'travel', fundingSource: 'esf', receiptReference: `R-${expenseId}`, description: 'Core team to Kemi', incurredOn: '2023-09-01', at: 'x' });
    const declared = (basisPoints: number | null) => event(`chain-${CHAIN}`, 'FlatRateDeclared', { chainId: CHAIN, basisPoints, basis: 'direct-staff-costs', reference: 'Funding decision S30123, CPR art. 56', at: 'x' });
    const staffed = (): RecordedEvent[] => [
      ...history(),
      rate(S1, 'r1', 3_000, '2023-01-01', '2023-06-30'),
      rate(S1, 'r2', 3_333, '2023-07-01', null),
      rate(S2, 'r3', 4_550, '2023-01-01', null),
      // 190 min at 30.00 €/h = 95.00 €.
      hours('h1', S1, 'running', '2023-04-19', 190, CODEV),
      // 30 min at 33.33 €/h = 16.665 € → 16.67 € (half a cent up): the second period's rate.
      hours('h2', S1, 'meeting', '2023-08-15', 30),
      // 100 min at 45.50 €/h = 75.8333 € → 75.83 €.
      hours('h3', S2, 'planning', '2023-03-01', 100),
      hours('h4', S2, 'follow-up', '2023-04-20', 60, CODEV),
      event(`workshop-${CODEV}`, 'StaffHoursVoided', { workshopId: CODEV, entryId: 'h4', personId: S2, reason: 'Recorded on the wrong workshop', voidedAt: 'x' }),
      // Before any rate of the person: listed, counted 0, flagged.
      hours('h5', S1, 'planning', '2022-12-31', 120),
      event(`chain-${CHAIN}`, 'ChainExpenseRecorded', chainExpense('cx1', 20_000)),
      event(`chain-${CHAIN}`, 'ChainExpenseCorrected', { ...chainExpense('cx1', 18_000), previous: { amountCents: 20_000, category: 'travel', fundingSource: 'esf', receiptReference: 'R-cx1' }, reason: 'Refund of one ticket' }),
      event(`chain-${CHAIN}`, 'ChainExpenseRecorded', chainExpense('cx2', 5_000)),
      event(`chain-${CHAIN}`, 'ChainExpenseVoided', { chainId: CHAIN, expenseId: 'cx2', reason: 'Duplicate', at: 'x' }),
      declared(4_000),
    ];
    const idOf = (events: RecordedEvent[], type: string, match: (data: Record<string, unknown>) => boolean) => events.find((e) => e.type === type && match(e.data as Record<string, unknown>))!.id;

    it('rounds cents half up: per entry minutes × rate / 60, and the flat rate of its basis', () => {
      expect([staffCostCents(30, 3_333), staffCostCents(100, 4_550), staffCostCents(1, 1)]).toEqual([1_667, 7_583, 0]);
      expect([roundHalfUp(28_125, 10), roundHalfUp(28_124, 10), roundHalfUp(0, 60)]).toEqual([2_813, 2_812, 0]);
    });

    it('costs each entry at the rate covering its day, voided and unrated entries listed and counted 0', () => {
      const log = staffed();
      const sut = buildLedger(chainFacts(CHAIN, log)).staffCosts;

      expect(sut.entries.map((e) => [e.entryId, e.scope, e.workshopId, e.status, e.rate?.rateId ?? null, e.originalCents, e.costCents.value])).toEqual([
        ['h1', 'workshop', CODEV, 'recorded', 'r1', 9_500, 9_500],
        ['h2', 'chain', null, 'recorded', 'r2', 1_667, 1_667],
        ['h3', 'chain', null, 'recorded', 'r3', 7_583, 7_583],
        ['h4', 'workshop', CODEV, 'voided', 'r3', 4_550, 0],
        ['h5', 'chain', null, 'recorded', null, 0, 0],
      ]);
      expect(sut.totalCents.value).toBe(18_750);
      expect(sut.byWorkshop.map((w) => [w.workshopId, w.totalCents.value, w.totalMinutes.value])).toEqual([
        [CODEV, 9_500, 190],
        [INFO, 0, 0],
      ]);
      expect([sut.chainLevel.totalCents.value, sut.chainLevel.totalMinutes.value]).toEqual([9_250, 250]);
      // Minutes worked: the voided hour is out, the unrated ones are in (and flagged).
      expect(sut.totalMinutes.value).toBe(440);
      expect(Object.fromEntries(Object.entries(sut.byActivity).map(([activity, t]) => [activity, [t!.totalCents.value, t!.totalMinutes.value]]))).toEqual({
        planning: [7_583, 220],
        running: [9_500, 190],
        'follow-up': [0, 0],
        meeting: [1_667, 30],
      });
      expect(sut.unrated.entryIds).toEqual(['h5']);
      expect(sut.unrated.minutes.value).toBe(120);
      expect(sut.entries.find((e) => e.entryId === 'h4')!.history.map((h) => [h.type, h.amountBeforeCents, h.amountAfterCents, h.reason])).toEqual([
        ['StaffHoursRecorded', null, 4_550, null],
        ['StaffHoursVoided', 4_550, 0, 'Recorded on the wrong workshop'],
      ]);
      // The rate applied is shown with the event that set it.
      expect(sut.entries[1]!.rate).toMatchObject({ hourlyRateCents: 3_333, validFrom: '2023-07-01', validUntil: null, source: { eventId: idOf(log, 'HourlyRateSet', (d) => d.rateId === 'r2'), stream: `staff-${S1}` } });
    });

    it('traces a staff cost to its hours and its rate event, and the flat rate to the declaration and every staff-cost source', () => {
      const log = staffed();
      const ledger = buildLedger(chainFacts(CHAIN, log));
      const h1 = ledger.staffCosts.entries.find((e) => e.entryId === 'h1')!;

      expect(h1.costCents.sources.map((s) => s.eventId)).toEqual([idOf(log, 'HourlyRateSet', (d) => d.rateId === 'r1'), idOf(log, 'StaffHoursRecorded', (d) => d.entryId === 'h1')]);
      expect(ledger.flatRate).toMatchObject({ basisPoints: 4_000, basis: 'direct-staff-costs', reference: 'Funding decision S30123, CPR art. 56', basisCents: 18_750, amountCents: { value: 7_500 } });
      const flatSources = ledger.flatRate!.amountCents.sources.map((s) => s.type);
      expect(flatSources.filter((type) => type === 'FlatRateDeclared')).toHaveLength(1);
      expect(flatSources.filter((type) => type === 'HourlyRateSet')).toHaveLength(3);
      expect(flatSources.filter((type) => type.includes('StaffHours'))).toHaveLength(6);
      expect(ledger.flatRate!.amountCents.sources.map((s) => s.eventId)).toEqual(expect.arrayContaining(ledger.staffCosts.totalCents.sources.map((s) => s.eventId)));
      // figuresOf names entries by their id, and a trace of the rate event finds the figures that count it.
      const paths = figuresOf(ledger)
        .filter((f) => f.figure.sources.some((s) => s.eventId === idOf(log, 'HourlyRateSet', (d) => d.rateId === 'r3')))
        .map((f) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining(['staffCosts.entries[h3].costCents', 'staffCosts.entries[h4].costCents', 'staffCosts.chainLevel.totalCents', `staffCosts.byWorkshop[${CODEV}].totalCents`, 'staffCosts.totalCents', 'flatRate.amountCents']),
      );
    });

    it('the latest declaration holds: another percentage is recomputed, a withdrawal leaves no flat rate', () => {
      expect(buildLedger(chainFacts(CHAIN, [...staffed(), declared(1_500)])).flatRate?.amountCents.value).toBe(2_813);
      expect(buildLedger(chainFacts(CHAIN, [...staffed(), declared(null)])).flatRate).toBeNull();
      expect(buildLedger(chainFacts(CHAIN, history())).flatRate).toBeNull();
    });

    it('chain-level expenses: listed with scope chain, figured apart, and the chain totals are workshops plus chain level', () => {
      const sut = buildLedger(chainFacts(CHAIN, staffed())).expenses;

      expect(sut.entries.filter((e) => e.scope === 'chain').map((e) => [e.expenseId, e.workshopId, e.status, e.originalCents, e.counted.value, e.history.map((h) => [h.type, h.amountBeforeCents, h.amountAfterCents])])).toEqual([
        ['cx1', null, 'corrected', 20_000, 18_000, [['ChainExpenseRecorded', null, 20_000], ['ChainExpenseCorrected', 20_000, 18_000]]],
        ['cx2', null, 'voided', 5_000, 0, [['ChainExpenseRecorded', null, 5_000], ['ChainExpenseVoided', 5_000, 0]]],
      ]);
      expect(sut.chainLevel.totalCents.value).toBe(18_000);
      expect(sut.chainLevel.byCategory).toEqual({ travel: expect.objectContaining({ value: 18_000 }) });
      expect(sut.chainLevel.byFundingSource.esf?.value).toBe(18_000);
      expect(sut.totalCents.value).toBe(sut.byWorkshop.reduce((sum, w) => sum + w.totalCents.value, 0) + sut.chainLevel.totalCents.value);
      expect(sut.totalCents.value).toBe(35_000);
      expect(sut.byCategory.travel?.value).toBe(18_000);
      expect(sut.chainLevel.totalCents.sources.map((s) => s.type)).toEqual(['ChainExpenseRecorded', 'ChainExpenseCorrected', 'ChainExpenseRecorded', 'ChainExpenseVoided']);
    });

    it('ignores another chain’s own expenses, hours and flat rate', () => {
      const OTHER = 'c0000000-0000-4000-8000-000000000002';
      const foreign = [
        event(`chain-${OTHER}`, 'ChainExpenseRecorded', { ...chainExpense('cx1', 1), chainId: OTHER }),
        event(`chain-${OTHER}`, 'ChainStaffHoursRecorded', { chainId: OTHER, entryId: 'h2', personId: S1, activity: 'meeting', workedOn: '2023-08-15', minutes: 600, note: '', at: 'x' }),
        event(`chain-${OTHER}`, 'FlatRateDeclared', { chainId: OTHER, basisPoints: null, basis: 'direct-staff-costs', reference: 'x', at: 'x' }),
      ];
      const sut = buildLedger(chainFacts(CHAIN, [...staffed(), ...foreign]));

      expect([sut.expenses.chainLevel.totalCents.value, sut.staffCosts.totalCents.value, sut.flatRate?.amountCents.value]).toEqual([18_000, 18_750, 7_500]);
    });

    it('the reader reads the staff members’ rate streams, and shows auditors the staff only as pseudonyms', async () => {
      const log = staffed();
      const store = {
        readStream: async (stream: string) => log.filter((e) => e.stream === stream),
        readAll: async () => [],
        findEvent: async () => null,
      };
      const key = Buffer.alloc(32, 7);
      const reader = new AuditReader(store, key);

      const backoffice = await reader.ledger(CHAIN, { revealPeople: true });
      const auditor = await reader.ledger(CHAIN, { revealPeople: false });

      expect(backoffice.staffCosts.totalCents.value).toBe(18_750);
      expect(backoffice.staffCosts.entries.map((e) => e.personId)).toEqual([S1, S1, S2, S2, S1]);
      expect(auditor.staffCosts.entries.map((e) => e.personId)).toEqual([S1, S1, S2, S2, S1].map((id) => pseudonym(id, key)));
      const text = JSON.stringify(auditor);
      expect([text.includes(S1), text.includes(S2)]).toEqual([false, false]);
      expect(auditor.staffCosts.entries[2]!.rate!.source.stream).toBe(`staff-${pseudonym(S2, key)}`);
      expect(auditor.flatRate!.amountCents.value).toBe(7_500);
    });
  });
});
