import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { ChainCommand } from './chain.commands';
import { chainDecider } from './chain.decider';
import { ChainErrors } from './chain.errors';
import type { ChainDetails, ChainEvent } from './chain.events';

const chainId = 'c0a8d7e2-0000-4000-8000-000000000001';
const at = '2023-03-01T10:00:00+02:00';
const later = '2023-11-15T12:00:00+02:00';

const details: ChainDetails = {
  name: 'Social innovation workshop chain 2023',
  fundingProgramme: 'ESF+ 2021–2027',
  esfOperationId: 'S30001',
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  description: 'Five workshops preparing the competence centre',
  hubOrganizationId: null,
};

// Small factories keep each rule readable: only what the rule is about is spelled out.
const startChain = (overrides: Partial<ChainDetails & { chainId: string }> = {}): ChainCommand => ({
  type: 'StartChain',
  data: { chainId, ...details, ...overrides },
  at,
});
const chainStarted = (overrides: Partial<ChainDetails> = {}): ChainEvent => ({
  type: 'ChainStarted',
  data: { chainId, ...details, ...overrides, at },
});
const addWorkshop = (workshopId: string, id = chainId): ChainCommand => ({ type: 'AddWorkshopToChain', data: { chainId: id, workshopId }, at: later });
const workshopAdded = (workshopId: string, order: number): ChainEvent => ({
  type: 'WorkshopAddedToChain',
  data: { chainId, workshopId, order, at: later },
});
const recordLastPayment = (paidOn: string): ChainCommand => ({ type: 'RecordLastPayment', data: { chainId, paidOn }, at: later });
const lastPaymentRecorded = (paidOn: string, previousPaidOn: string | null, retentionEnd: string): ChainEvent => ({
  type: 'LastPaymentRecorded',
  data: { chainId, paidOn, previousPaidOn, retentionEndsOn: retentionEnd, at: later },
});
const closeChain = (reason = 'All five workshops held'): ChainCommand => ({ type: 'CloseChain', data: { chainId, reason }, at: later });
const chainClosed = (reason = 'All five workshops held'): ChainEvent => ({ type: 'ChainClosed', data: { chainId, reason, at: later } });
const updateDetails = (changes: Partial<ChainDetails>): ChainCommand => ({ type: 'UpdateChainDetails', data: { chainId, ...changes }, at: later });

const sut = DeciderSpecification.for(chainDecider);

describe('Chain decider', () => {
  describe('StartChain: a chain starts once, with a valid period', () => {
    it('starts a new chain', () => {
      sut.given([]).when(startChain()).then([chainStarted()]);
    });

    it('accepts a one-day period (end equal to start)', () => {
      sut
        .given([])
        .when(startChain({ periodStart: '2023-06-01', periodEnd: '2023-06-01' }))
        .then([chainStarted({ periodStart: '2023-06-01', periodEnd: '2023-06-01' })]);
    });

    it('refuses a period that ends before it starts', () => {
      sut.given([]).when(startChain({ periodStart: '2023-06-02', periodEnd: '2023-06-01' })).thenThrows(ChainErrors.PERIOD_INVALID);
    });

    it('refuses a date that is not a calendar date', () => {
      sut.given([]).when(startChain({ periodEnd: '2023-02-29' })).thenThrows(ChainErrors.INVALID_DATE);
    });

    it.each(['name', 'fundingProgramme', 'esfOperationId'] as const)('refuses a blank %s', (field) => {
      sut.given([]).when(startChain({ [field]: '  ' })).thenThrows(ChainErrors.BLANK_FIELD);
    });

    it('refuses a blank chain id', () => {
      sut.given([]).when(startChain({ chainId: '' })).thenThrows(ChainErrors.BLANK_FIELD);
    });

    it('repeating the same start is idempotent: no events', () => {
      sut.given([chainStarted()]).when(startChain()).thenNothingHappens();
    });

    it('refuses to start an existing chain with other data', () => {
      sut.given([chainStarted()]).when(startChain({ name: 'Another name' })).thenThrows(ChainErrors.ALREADY_EXISTS);
    });
  });

  describe('commands on a chain that does not exist', () => {
    it.each([addWorkshop('w-1'), recordLastPayment('2025-03-01'), closeChain(), updateDetails({ name: 'x' })])('refuses $type with CHAIN.NOT_FOUND', (command) => {
      sut.given([]).when(command).thenThrows(ChainErrors.NOT_FOUND);
    });

    it('refuses a command naming another chain than its stream', () => {
      sut.given([chainStarted()]).when(addWorkshop('w-1', 'another-chain')).thenThrows(ChainErrors.ID_MISMATCH);
    });
  });

  describe('AddWorkshopToChain: workshops get 0-based places in order, each once', () => {
    it('adds the first workshop at order 0 and the next at order 1', () => {
      sut.given([chainStarted()]).when(addWorkshop('w-rauma')).then([workshopAdded('w-rauma', 0)]);
      sut.given([chainStarted(), workshopAdded('w-rauma', 0)]).when(addWorkshop('w-pori')).then([workshopAdded('w-pori', 1)]);
    });

    it('adding the same workshop twice gives no events', () => {
      sut.given([chainStarted(), workshopAdded('w-rauma', 0)]).when(addWorkshop('w-rauma')).thenNothingHappens();
    });

    it('refuses a blank workshop id', () => {
      sut.given([chainStarted()]).when(addWorkshop(' ')).thenThrows(ChainErrors.BLANK_FIELD);
    });
  });

  describe('CloseChain: a closed chain takes no more workshops', () => {
    it('closes an active chain', () => {
      sut.given([chainStarted()]).when(closeChain()).then([chainClosed()]);
    });

    it('refuses to add a workshop after closing', () => {
      sut.given([chainStarted(), chainClosed()]).when(addWorkshop('w-late')).thenThrows(ChainErrors.CLOSED);
    });

    it('re-adding a workshop that was already in the chain before closing is still a no-op', () => {
      sut.given([chainStarted(), workshopAdded('w-rauma', 0), chainClosed()]).when(addWorkshop('w-rauma')).thenNothingHappens();
    });

    it('closing again with the same reason gives no events', () => {
      sut.given([chainStarted(), chainClosed()]).when(closeChain()).thenNothingHappens();
    });

    it('refuses closing again with another reason', () => {
      sut.given([chainStarted(), chainClosed()]).when(closeChain('Funding ended')).thenThrows(ChainErrors.CLOSED);
    });

    it('refuses a blank reason', () => {
      sut.given([chainStarted()]).when(closeChain('')).thenThrows(ChainErrors.BLANK_FIELD);
    });
  });

  describe('RecordLastPayment: the latest payment starts the five-year ESF retention', () => {
    it('records the first payment with its retention end', () => {
      sut.given([chainStarted()]).when(recordLastPayment('2024-06-30')).then([lastPaymentRecorded('2024-06-30', null, '2029-12-31')]);
    });

    it('a later payment replaces the earlier one', () => {
      sut
        .given([chainStarted(), lastPaymentRecorded('2024-06-30', null, '2029-12-31')])
        .when(recordLastPayment('2025-01-15'))
        .then([lastPaymentRecorded('2025-01-15', '2024-06-30', '2030-12-31')]);
    });

    it('is allowed on a closed chain (the final payment comes after the operation)', () => {
      sut.given([chainStarted(), chainClosed()]).when(recordLastPayment('2024-06-30')).then([lastPaymentRecorded('2024-06-30', null, '2029-12-31')]);
    });

    it('recording the same date again gives no events', () => {
      sut.given([chainStarted(), lastPaymentRecorded('2024-06-30', null, '2029-12-31')]).when(recordLastPayment('2024-06-30')).thenNothingHappens();
    });

    it('refuses an earlier date than the recorded last payment', () => {
      sut
        .given([chainStarted(), lastPaymentRecorded('2024-06-30', null, '2029-12-31')])
        .when(recordLastPayment('2024-06-29'))
        .thenThrows(ChainErrors.PAYMENT_BEFORE_LAST_PAYMENT);
    });

    it('refuses a date that is not YYYY-MM-DD', () => {
      sut.given([chainStarted()]).when(recordLastPayment('30.6.2024')).thenThrows(ChainErrors.INVALID_DATE);
    });

    it('the state exposes the last payment and the retention end', () => {
      const state = fold(chainDecider, [chainStarted(), lastPaymentRecorded('2024-06-30', null, '2029-12-31')]);
      expect(state).toMatchObject({ status: 'active', lastPaidOn: '2024-06-30', retentionEndsOn: '2029-12-31' });
    });
  });

  describe('UpdateChainDetails: only changed fields, only while open', () => {
    it('records only the fields that changed', () => {
      sut
        .given([chainStarted()])
        .when(updateDetails({ name: details.name, description: 'New description' }))
        .then([{ type: 'ChainDetailsUpdated', data: { chainId, description: 'New description', at: later } }]);
    });

    it('nothing changed: no events', () => {
      sut.given([chainStarted()]).when(updateDetails({ name: details.name })).thenNothingHappens();
    });

    it('refuses a period made invalid by the change', () => {
      sut.given([chainStarted()]).when(updateDetails({ periodEnd: '2022-12-31' })).thenThrows(ChainErrors.PERIOD_INVALID);
    });

    it('refuses a blank name', () => {
      sut.given([chainStarted()]).when(updateDetails({ name: ' ' })).thenThrows(ChainErrors.BLANK_FIELD);
    });

    it('refuses changes to a closed chain', () => {
      sut.given([chainStarted(), chainClosed()]).when(updateDetails({ name: 'Renamed' })).thenThrows(ChainErrors.CLOSED);
    });

    it('the state carries the updated fields', () => {
      const state = fold(chainDecider, [
        chainStarted(),
        { type: 'ChainDetailsUpdated', data: { chainId, periodEnd: '2024-03-31', at: later } },
      ]);
      expect(state).toMatchObject({ status: 'active', periodStart: '2023-01-01', periodEnd: '2024-03-31', name: details.name });
    });
  });

  describe('RecordChainMeeting: planning meetings of the chain as a whole', () => {
    const meeting = { meetingId: 'cm-1', heldOn: '2023-03-02', kind: 'core-team' as const, online: true, organizationIds: [], notes: 'Weekly core-team meeting' };
    const recordMeeting = (overrides: Partial<typeof meeting> = {}): ChainCommand => ({ type: 'RecordChainMeeting', data: { chainId, ...meeting, ...overrides }, at });
    const meetingRecorded: ChainEvent = { type: 'ChainMeetingRecorded', data: { chainId, ...meeting, at } };

    it('records a meeting; the same again is a retry, another meeting under its id is refused', () => {
      sut.given([chainStarted()]).when(recordMeeting()).then([meetingRecorded]);
      sut.given([chainStarted(), meetingRecorded]).when(recordMeeting()).thenNothingHappens();
      sut.given([chainStarted(), meetingRecorded]).when(recordMeeting({ heldOn: '2023-03-09' })).thenThrows(ChainErrors.MEETING_ALREADY_EXISTS);
    });

    it('refuses a bad date or kind, and a closed chain', () => {
      sut.given([chainStarted()]).when(recordMeeting({ heldOn: '2023-02-30' })).thenThrows(ChainErrors.INVALID_DATE);
      sut.given([chainStarted()]).when(recordMeeting({ kind: 'lunch' as never })).thenThrows(ChainErrors.INVALID_FIELD);
      sut.given([chainStarted(), chainClosed()]).when(recordMeeting()).thenThrows(ChainErrors.CLOSED);
    });
  });

  describe('hub organisation: the chain names its own organisation', () => {
    it('is kept from the start and can be set or cleared later; chains started before it have none', () => {
      sut.given([]).when(startChain({ hubOrganizationId: 'org-hub' })).then([chainStarted({ hubOrganizationId: 'org-hub' })]);
      const legacy: ChainEvent = { type: 'ChainStarted', data: { chainId, ...details, hubOrganizationId: undefined, at } };
      expect(fold(chainDecider, [legacy])).toMatchObject({ hubOrganizationId: null });
      sut.given([legacy]).when(updateDetails({ hubOrganizationId: 'org-hub' })).then([{ type: 'ChainDetailsUpdated', data: { chainId, hubOrganizationId: 'org-hub', at: later } }]);
      sut.given([chainStarted({ hubOrganizationId: 'org-hub' })]).when(updateDetails({ hubOrganizationId: null })).then([{ type: 'ChainDetailsUpdated', data: { chainId, hubOrganizationId: null, at: later } }]);
      sut.given([chainStarted({ hubOrganizationId: 'org-hub' })]).when(updateDetails({ hubOrganizationId: 'org-hub' })).thenNothingHappens();
    });
  });

  describe('state', () => {
    it('keeps workshops in order and remembers closing', () => {
      const state = fold(chainDecider, [chainStarted(), workshopAdded('w-1', 0), workshopAdded('w-2', 1), chainClosed()]);
      expect(state).toEqual({
        status: 'closed',
        chainId,
        ...details,
        startedAt: at,
        workshopIds: ['w-1', 'w-2'],
        lastPaidOn: null,
        retentionEndsOn: null,
        meetings: {},
        expenses: {},
        staffHours: {},
        flatRate: null,
        followsChainId: null,
        closedAt: later,
        closeReason: 'All five workshops held',
      });
    });

    it('is plain JSON (it is cached)', () => {
      const state = fold(chainDecider, [chainStarted(), workshopAdded('w-1', 0)]);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  });
});
