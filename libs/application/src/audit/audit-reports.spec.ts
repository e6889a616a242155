import type { RecordedEvent } from '@kuhina/event-store';
import { figuresOf } from './audit-records';
import { buildLedger } from './audit-ledger';
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
});
