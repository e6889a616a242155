import {
  chainDecider,
  collaborationDecider,
  fold,
  workshopDecider,
  type ChainCommand,
  type CollaborationCommand,
  type Decider,
  type WorkshopCommand,
  type WorkshopState,
} from '@kuhina/domain';
import { RAUMA_PLAN } from '../workshop-fixtures.spec-helper';
import { BUSINESS_DATES, businessDateSentence, type CommandType } from './business-dates';
import { BusinessTimePolicy, BusinessTimeRequiredError, inferBusinessTime, timedCommand } from './business-time';

// "Now" in these specs: the recording time the command handler hands the rule.
const NOW = '2026-11-27T08:00:00.000Z';
const policy = new BusinessTimePolicy(30);
const workshopId = 'w-1';

/** The state after deciding and applying `commands` in order (each at a fixed time: these specs are about the rule, not the decider). */
function stateAfter<C extends { at: string }, S>(decider: Decider<C, unknown, S>, commands: C[]): S {
  let state = decider.initialState;
  for (const command of commands) state = fold({ evolve: decider.evolve, initialState: state }, decider.decide(command, state));
  return state;
}

const plan = (startsAt: string, endsAt: string): WorkshopCommand => ({ type: 'PlanWorkshop', data: { workshopId, ...RAUMA_PLAN, startsAt, endsAt }, at: '2024-01-10T08:00:00Z' });
const workshopOn = (startsAt: string, endsAt: string, ...then: WorkshopCommand[]): WorkshopState => stateAfter(workshopDecider, [plan(startsAt, endsAt), ...then]);
const past = workshopOn('2024-03-14T09:00:00+02:00', '2024-03-15T15:00:00+02:00');
const ahead = workshopOn('2027-05-06T09:00:00+03:00', '2027-05-06T15:00:00+03:00');
const heldOnSecondDay = workshopOn('2024-03-14T09:00:00+02:00', '2024-03-15T15:00:00+02:00', { type: 'MarkHeld', data: { workshopId, heldOn: '2024-03-15' }, at: '2024-03-15T16:00:00Z' });

const infer = (type: CommandType, data: unknown, state: unknown) => inferBusinessTime(type, data, state, NOW, policy);

describe('BUSINESS_DATES: the business date of every write without occurredAt', () => {
  it('has, for every command type, what its date records and what it defaults to (the OpenAPI sentence)', () => {
    for (const type of Object.keys(BUSINESS_DATES) as CommandType[]) {
      expect(BUSINESS_DATES[type].records).toMatch(/\w/);
      expect(businessDateSentence(type)).toMatch(/^`occurredAt` records .+; without it: .+\.$/);
    }
  });

  describe('facts of a workshop', () => {
    it("default to the workshop's planned start once it is past (UTC, as the log writes instants)", () => {
      expect(infer('RecordAttendance', { workshopId }, past)).toBe('2024-03-14T07:00:00.000Z');
      expect(infer('PledgeResource', { workshopId }, past)).toBe('2024-03-14T07:00:00.000Z');
      expect(infer('CancelRegistration', { workshopId }, past)).toBe('2024-03-14T07:00:00.000Z');
    });

    it('default to the held day, at the planned start time of day, once held', () => {
      expect(infer('SubmitFeedback', { workshopId }, heldOnSecondDay)).toBe('2024-03-15T07:00:00.000Z');
    });

    it('default to now while the workshop is still ahead (never to the future)', () => {
      expect(infer('RegisterParticipant', { workshopId }, ahead)).toBe(NOW);
      expect(infer('OpenRegistration', { workshopId }, ahead)).toBe(NOW);
    });

    it('default to now for a workshop that does not exist (the decider refuses it)', () => {
      expect(infer('RecordAttendance', { workshopId }, workshopDecider.initialState)).toBe(NOW);
    });

    it('that carry their own day default to it at the workshop start time of day, capped at now', () => {
      expect(infer('RecordExpense', { incurredOn: '2024-02-20' }, past)).toBe('2024-02-20T07:00:00.000Z');
      expect(infer('MarkHeld', { heldOn: '2024-03-15' }, past)).toBe('2024-03-15T07:00:00.000Z');
      expect(infer('RecordPlanningMeeting', { heldOn: '2024-01-30' }, past)).toBe('2024-01-30T07:00:00.000Z');
      expect(infer('CollectCitizenInput', { collectedAt: '2024-03-14T17:30:00+02:00' }, past)).toBe('2024-03-14T15:30:00.000Z');
      expect(infer('RecordExpense', { incurredOn: '2027-01-01' }, past)).toBe(NOW);
    });

    it("fall back to the workshop's date when their own day is left out", () => {
      expect(infer('ForwardCitizenInputSummary', { forwardedAt: undefined }, past)).toBe('2024-03-14T07:00:00.000Z');
    });

    it('a plan defaults to its own start when that is past, else now', () => {
      expect(infer('PlanWorkshop', { startsAt: '2024-03-14T09:00:00+02:00' }, workshopDecider.initialState)).toBe('2024-03-14T07:00:00.000Z');
      expect(infer('PlanWorkshop', { startsAt: '2027-05-06T09:00:00+03:00' }, workshopDecider.initialState)).toBe(NOW);
    });

    it('a date that is no instant leaves the time to the clock (the decider refuses the field)', () => {
      expect(infer('RecordExpense', { incurredOn: 'yesterday' }, past)).toBe(NOW);
    });
  });

  describe('chains', () => {
    const start = (periodStart: string, periodEnd: string): ChainCommand => ({
      type: 'StartChain',
      data: { chainId: 'c-1', name: 'Työpajat', fundingProgramme: 'ESF+', esfOperationId: 'X-1', periodStart, periodEnd, description: '' },
      at: NOW,
    });
    const chain2024 = stateAfter(chainDecider, [start('2024-01-01', '2024-12-31')]);
    const current = stateAfter(chainDecider, [start('2026-01-01', '2026-12-31')]);

    it('a chain starts on periodStart (noon UTC) when that is past, else now', () => {
      expect(infer('StartChain', { periodStart: '2024-01-01' }, chainDecider.initialState)).toBe('2024-01-01T12:00:00.000Z');
      expect(infer('StartChain', { periodStart: '2027-01-01' }, chainDecider.initialState)).toBe(NOW);
    });

    it('payments and chain meetings default to their own day', () => {
      expect(infer('RecordLastPayment', { paidOn: '2025-03-31' }, chain2024)).toBe('2025-03-31T12:00:00.000Z');
      expect(infer('RecordChainMeeting', { heldOn: '2024-02-01' }, chain2024)).toBe('2024-02-01T12:00:00.000Z');
    });

    it('a change to a chain whose period ended more than the margin ago must say when: 422 BUSINESS_TIME.REQUIRED naming occurredAt', () => {
      const refusal = (() => {
        try {
          infer('UpdateChainDetails', {}, chain2024);
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(refusal).toBeInstanceOf(BusinessTimeRequiredError);
      expect(refusal).toMatchObject({
        code: 'BUSINESS_TIME.REQUIRED',
        kind: 'unprocessable',
        field: 'occurredAt',
        message: "this chain's period ended on 2024-12-31, more than 30 days ago; give occurredAt, the date the fact happened",
      });
      expect(() => infer('CloseChain', {}, chain2024)).toThrow(BusinessTimeRequiredError);
    });

    it('a change to a running chain, or one that ended within the margin, is dated now', () => {
      expect(infer('UpdateChainDetails', {}, current)).toBe(NOW);
      expect(inferBusinessTime('CloseChain', {}, chain2024, '2025-01-20T08:00:00.000Z', policy)).toBe('2025-01-20T08:00:00.000Z');
      // The margin is configurable: a wider one lets the same write through.
      expect(inferBusinessTime('CloseChain', {}, chain2024, NOW, new BusinessTimePolicy(10_000))).toBe(NOW);
    });
  });

  describe('collaborations', () => {
    const record: CollaborationCommand = {
      type: 'RecordCollaboration',
      data: { collaborationId: 'k-1', organizationIds: ['o-1', 'o-2'], sparkedByWorkshopId: null, title: 'Pilot', description: '', startedOn: '2024-04-01' },
      at: NOW,
    };
    const active = stateAfter(collaborationDecider, [record]);
    const ended = stateAfter(collaborationDecider, [record, { type: 'EndCollaboration', data: { collaborationId: 'k-1', endedOn: '2024-10-31', outcome: 'Done' }, at: NOW }]);

    it('keep their own dates: started, joined, ended', () => {
      expect(infer('RecordCollaboration', { startedOn: '2024-04-01' }, collaborationDecider.initialState)).toBe('2024-04-01T12:00:00.000Z');
      expect(infer('AddCollaborationPartner', { joinedOn: '2024-05-02' }, active)).toBe('2024-05-02T12:00:00.000Z');
      expect(infer('EndCollaboration', { endedOn: '2024-10-31' }, active)).toBe('2024-10-31T12:00:00.000Z');
    });

    it('without a date of their own: now while active, refused once it ended more than the margin ago', () => {
      expect(infer('UpdateCollaborationDetails', {}, active)).toBe(NOW);
      expect(infer('AddCollaborationPartner', {}, active)).toBe(NOW);
      expect(() => infer('UpdateCollaborationDetails', {}, ended)).toThrow(/this collaboration ended on 2024-10-31, more than 30 days ago; give occurredAt/);
      expect(() => infer('AddCollaborationPartner', {}, ended)).toThrow(BusinessTimeRequiredError);
    });
  });

  it('organisations and people are register facts: dated now', () => {
    expect(infer('RegisterOrganization', {}, undefined)).toBe(NOW);
    expect(infer('ChangeAffiliation', {}, undefined)).toBe(NOW);
    expect(infer('CreatePerson', {}, undefined)).toBe(NOW);
  });
});

describe('timedCommand', () => {
  it('keeps a given business time as given, and infers a missing one', () => {
    const given = timedCommand<WorkshopCommand>({ type: 'RecordAttendance', data: { workshopId, attendees: [] }, at: '2024-03-14T10:00:00+02:00' }, past, NOW, policy);
    const inferred = timedCommand<WorkshopCommand>({ type: 'RecordAttendance', data: { workshopId, attendees: [] } }, past, NOW, policy);

    expect(given.at).toBe('2024-03-14T10:00:00+02:00');
    expect(inferred.at).toBe('2024-03-14T07:00:00.000Z');
  });

  it('fills the fields that default to the business time (when citizen input was collected)', () => {
    const collected = timedCommand<WorkshopCommand>(
      { type: 'CollectCitizenInput', data: { workshopId, inputId: 'i-1', topic: 'Parks', summary: 'More benches', citizensHeard: 12 } },
      past,
      NOW,
      policy,
    );
    const given = timedCommand<WorkshopCommand>(
      { type: 'CollectCitizenInput', data: { workshopId, inputId: 'i-1', topic: 'Parks', summary: 'More benches', citizensHeard: 12, collectedAt: '2024-03-14' } },
      past,
      NOW,
      policy,
    );

    expect(collected).toMatchObject({ at: '2024-03-14T07:00:00.000Z', data: { collectedAt: '2024-03-14T07:00:00.000Z' } });
    expect(given).toMatchObject({ at: '2024-03-14T07:00:00.000Z', data: { collectedAt: '2024-03-14' } });
  });
});
