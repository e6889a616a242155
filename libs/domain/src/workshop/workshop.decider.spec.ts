import { DeciderSpecification, keysCopied } from '@kuhina/testing';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { WorkshopCommand } from './workshop.commands';
import { workshopDecider } from './workshop.decider';
import { WorkshopErrors as E } from './workshop.errors';
import type { WorkshopEvent } from './workshop.events';
import type { WorkshopState } from './workshop.state';
import {
  at,
  attendanceRecorded,
  cancelRegistration,
  command,
  event,
  expenseRecorded,
  feedbackSubmitted,
  heldOn,
  open,
  planned,
  promoted,
  recordAttendance,
  recordExpense,
  register,
  registered,
  registrationCancelled,
  registrationClosed,
  registrationOpened,
  resourcePledged,
  submitFeedback,
  waitlisted,
  workshopHeld,
} from './workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider', () => {
  describe('commands need an existing workshop of the same id', () => {
    it.each([
      command('OpenRegistration', {}),
      register('r-1', 'anna'),
      command('MarkHeld', { heldOn }),
      recordExpense(),
      command('CancelWorkshop', { reason: 'No venue' }),
    ])('refuses $type on an empty stream with WORKSHOP.NOT_FOUND', (cmd) => {
      sut.given([]).when(cmd).thenThrows(E.NOT_FOUND);
    });

    it('accepts a command naming the workshop of its stream', () => {
      sut.given(planned()).when(command('OpenRegistration', {})).then([registrationOpened]);
    });

    it('refuses a command naming another workshop than its stream', () => {
      const other = { type: 'OpenRegistration', data: { workshopId: 'w-pori' }, at } as const;
      sut.given(planned()).when(other).thenThrows(E.ID_MISMATCH);
    });
  });

  describe('state', () => {
    const richHistory: WorkshopEvent[] = [
      ...open({ capacity: 1, format: 'hybrid' }),
      registered('r-anna', 'anna'),
      waitlisted('r-ben', 'ben', 1),
      resourcePledged(),
      expenseRecorded(),
      registrationClosed,
      workshopHeld,
      attendanceRecorded('r-anna', 'anna'),
      feedbackSubmitted('f-1', 'r-anna'),
    ];

    it('is plain JSON: a cached copy decides exactly like the folded state', () => {
      const folded = fold(workshopDecider, richHistory);
      const cached = JSON.parse(JSON.stringify(folded)) as typeof folded;
      expect(cached).toEqual(folded);
      const outcome = (cmd: WorkshopCommand, state: typeof folded): unknown => {
        try {
          return workshopDecider.decide(cmd, state);
        } catch (error) {
          return error instanceof DomainError ? error.code : error;
        }
      };
      const commands = [
        submitFeedback('f-1', 'r-anna'),
        submitFeedback('f-2', 'r-anna'),
        submitFeedback('f-3', 'r-ben'),
        recordAttendance(['r-anna', 'on-site']),
        command('FulfilPledge', { pledgeId: 'p-1' }),
        recordExpense(),
        command('VoidExpense', { expenseId: 'x-1', reason: 'Recorded twice' }),
      ];
      const sut = (state: typeof folded) => commands.map((cmd) => outcome(cmd, state));
      expect(sut(cached)).toEqual(sut(folded));
      expect(sut(folded)).toEqual([
        [],
        E.FEEDBACK_DUPLICATE,
        E.REGISTRATION_NOT_REGISTERED,
        [],
        [event('PledgeFulfilled', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', fulfilledAt: at })],
        [],
        [event('ExpenseVoided', { expenseId: 'x-1', reason: 'Recorded twice', voidedAt: at })],
      ]);
    });

    it('evolve does not change the state it is given', () => {
      const before = fold(workshopDecider, richHistory.slice(0, 3));
      const snapshot = JSON.stringify(before);
      workshopDecider.evolve(before, registrationCancelled('r-anna', 'anna', 'registered'));
      expect(JSON.stringify(before)).toBe(snapshot);
    });

    it('an event before WorkshopPlanned is a corrupt stream', () => {
      expect(() => workshopDecider.evolve(workshopDecider.initialState, registrationOpened)).toThrow(/before WorkshopPlanned/);
    });

    it('ids that look like Object.prototype members are ordinary ids', () => {
      sut.given([...open(), registered('__proto__', 'constructor')]).when(register('r-2', 'toString')).then([registered('r-2', 'toString')]);
      sut.given([...open()]).when(cancelRegistration('constructor')).thenThrows(E.REGISTRATION_NOT_FOUND);
      sut.given([...open(), registered('__proto__', 'constructor')]).when(register('r-3', 'constructor')).thenThrows(E.REGISTRATION_DUPLICATE);
    });

    it('keeps the registration counts in step with the registrations, attendance included', () => {
      const history: WorkshopEvent[] = [
        ...open({ capacity: 2, format: 'hybrid' }),
        registered('r-anna', 'anna'),
        registered('r-ben', 'ben'),
        waitlisted('r-cleo', 'cleo', 1),
        waitlisted('r-dan', 'dan', 2),
        registrationCancelled('r-ben', 'ben', 'registered'),
        promoted('r-cleo', 'cleo'),
        registrationCancelled('r-dan', 'dan', 'waitlisted'),
        registrationClosed,
        workshopHeld,
        attendanceRecorded('r-anna', 'anna'),
        attendanceRecorded('r-cleo', 'cleo', 'remote'),
      ];
      const state = fold(workshopDecider, history);
      expect(state.status === 'held' && state.counts).toMatchObject({ registered: 2, waitlisted: 0, cancelled: 2, attended: 2, attendedOnSite: 1, attendedRemote: 1 });
      expect(state.status === 'held' && state.waitlist.length).toBe(0);
    });

    it('a registration, waitlisting, cancellation and promotion copy as much state at 20,000 registrations as at 10,000 (issue 17)', () => {
      const full = (size: number): WorkshopState => {
        const events: WorkshopEvent[] = [...open({ capacity: size, format: 'webinar', location: null })];
        for (let i = 0; i < size; i++) events.push(registered(`r-${i}`, `p-${i}`, { attendanceMode: 'remote' }));
        for (let i = 0; i < size; i++) events.push(waitlisted(`r-w-${i}`, `p-w-${i}`, i + 1, { attendanceMode: 'remote' }));
        return fold(workshopDecider, events);
      };
      // Keys of the objects the state after `event` holds that the state before does not: what evolve copied or made.
      const copiedBy = (before: WorkshopState, event: (state: WorkshopState) => WorkshopEvent): number => keysCopied(before, workshopDecider.evolve(before, event(before)));
      const cases: Array<(state: WorkshopState) => WorkshopEvent> = [
        () => registered('r-new', 'p-new', { attendanceMode: 'remote' }),
        () => waitlisted('r-new', 'p-new', 0, { attendanceMode: 'remote' }),
        () => registrationCancelled('r-3', 'p-3', 'registered'),
        () => promoted('r-w-0', 'p-w-0'),
      ];
      const [tenThousand, twentyThousand] = [full(5_000), full(10_000)];
      for (const event of cases) {
        const atTenThousand = copiedBy(tenThousand, event);
        const atTwentyThousand = copiedBy(twentyThousand, event);
        // One path of each id map it touches (two nodes of at most 64 keys and a leaf of a few ids; at most four maps) and
        // the state's own fields, whatever the size: a copied array or a share of a map would grow by thousands.
        expect(atTwentyThousand).toBeLessThanOrEqual(4 * (64 + 64 + 16) + 40);
        expect(Math.abs(atTwentyThousand - atTenThousand)).toBeLessThanOrEqual(4 * 16);
      }
    });

    // Speed is measured in bench/ (npm run bench), never timed here.
    it('folds a 10,000-event stream into the right counts', () => {
      const events: WorkshopEvent[] = [...open({ capacity: 5_000, format: 'webinar', location: null })];
      for (let i = 0; i < 5_000; i++) events.push(registered(`r-${i}`, `p-${i}`, { attendanceMode: 'remote' }));
      for (let i = 0; i < 4_998; i++) events.push(waitlisted(`r-w-${i}`, `p-w-${i}`, i + 1, { attendanceMode: 'remote' }));
      const state = fold(workshopDecider, events);
      expect(state.status === 'registration-open' && state.counts.registered).toBe(5_000);
      expect(state.status === 'registration-open' && state.waitlist.length).toBe(4_998);
      expect(state.status === 'registration-open' && state.counts.waitlisted).toBe(4_998);
    });
  });
});
