import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import { WorkshopErrors } from '../workshop/workshop.errors';
import type { ChainCommand } from './chain.commands';
import { chainDecider } from './chain.decider';
import { ChainErrors } from './chain.errors';
import type { ChainEvent } from './chain.events';

const sut = DeciderSpecification.for(chainDecider);
const chainId = 'c-2023';
const at = '2023-05-02T09:00:00.000Z';
const started: ChainEvent = {
  type: 'ChainStarted',
  data: { chainId, name: 'Ketju', fundingProgramme: 'ESF+', esfOperationId: 'S1', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: '', hubOrganizationId: null, at },
};
const closed: ChainEvent = { type: 'ChainClosed', data: { chainId, reason: 'All held', at } };
const cmd = <T extends ChainCommand['type']>(type: T, data: Omit<Extract<ChainCommand, { type: T }>['data'], 'chainId'>) => ({ type, data: { chainId, ...data }, at }) as ChainCommand;
const evt = <T extends ChainEvent['type']>(type: T, data: Omit<Extract<ChainEvent, { type: T }>['data'], 'chainId' | 'at'>) => ({ type, data: { chainId, ...data, at } }) as ChainEvent;

const licence = { expenseId: 'cx-1', category: 'other' as const, amountCents: 12_000, fundingSource: 'esf' as const, receiptReference: 'INV-TEAMS-2023', description: 'Online meeting licence', incurredOn: '2023-04-01' };
const figures = { amountCents: 12_000, category: 'other' as const, fundingSource: 'esf' as const, receiptReference: 'INV-TEAMS-2023' };
const hours = { entryId: 'ch-1', personId: 'p-core-1', activity: 'meeting' as const, workedOn: '2023-04-03', minutes: 60, note: 'Core-team meeting' };

describe('Chain decider: the chain’s own costs', () => {
  describe('chain-level expenses: the workshop’s rules and codes', () => {
    it('records, corrects and voids an expense of the chain, also after it closed (final invoices)', () => {
      sut.given([started]).when(cmd('RecordChainExpense', licence)).then([evt('ChainExpenseRecorded', licence)]);
      sut.given([started, closed]).when(cmd('RecordChainExpense', licence)).then([evt('ChainExpenseRecorded', licence)]);
      const recorded = evt('ChainExpenseRecorded', licence);
      sut
        .given([started, recorded])
        .when(cmd('CorrectChainExpense', { expenseId: 'cx-1', ...figures, amountCents: 10_000, reason: 'Credit note' }))
        .then([evt('ChainExpenseCorrected', { expenseId: 'cx-1', ...figures, amountCents: 10_000, previous: figures, reason: 'Credit note' })]);
      sut.given([started, recorded]).when(cmd('VoidChainExpense', { expenseId: 'cx-1', reason: 'Duplicate' })).then([evt('ChainExpenseVoided', { expenseId: 'cx-1', reason: 'Duplicate' })]);
    });

    it('treats a repeat as a retry and refuses a reused id, an unknown or voided expense and bad figures', () => {
      const recorded = evt('ChainExpenseRecorded', licence);
      sut.given([started, recorded]).when(cmd('RecordChainExpense', licence)).thenNothingHappens();
      sut.given([started, recorded]).when(cmd('RecordChainExpense', { ...licence, amountCents: 1 })).thenThrows(WorkshopErrors.EXPENSE_ALREADY_EXISTS);
      sut.given([started]).when(cmd('VoidChainExpense', { expenseId: 'cx-9', reason: 'x' })).thenThrows(WorkshopErrors.EXPENSE_NOT_FOUND);
      sut.given([started, recorded, evt('ChainExpenseVoided', { expenseId: 'cx-1', reason: 'Duplicate' })]).when(cmd('VoidChainExpense', { expenseId: 'cx-1', reason: 'x' })).thenThrows(WorkshopErrors.EXPENSE_VOIDED);
      sut.given([started]).when(cmd('RecordChainExpense', { ...licence, amountCents: -5 })).thenThrows(WorkshopErrors.EXPENSE_AMOUNT_INVALID);
      sut.given([started]).when(cmd('RecordChainExpense', { ...licence, receiptReference: '' })).thenThrows(WorkshopErrors.EXPENSE_INVALID_FIELD);
    });
  });

  describe('chain-level staff hours', () => {
    it('records hours of the chain as a whole, retries quietly, voids once', () => {
      const recorded = evt('ChainStaffHoursRecorded', hours);
      sut.given([started]).when(cmd('RecordChainStaffHours', hours)).then([recorded]);
      sut.given([started, recorded]).when(cmd('RecordChainStaffHours', hours)).thenNothingHappens();
      sut.given([started, recorded]).when(cmd('RecordChainStaffHours', { ...hours, minutes: 30 })).thenThrows(ChainErrors.STAFF_HOURS_ALREADY_EXISTS);
      const voided = evt('ChainStaffHoursVoided', { entryId: 'ch-1', personId: 'p-core-1', reason: 'Wrong day' });
      sut.given([started, recorded]).when(cmd('VoidChainStaffHours', { entryId: 'ch-1', reason: 'Wrong day' })).then([voided]);
      sut.given([started, recorded, voided]).when(cmd('VoidChainStaffHours', { entryId: 'ch-1', reason: 'Wrong day' })).thenNothingHappens();
      sut.given([started]).when(cmd('VoidChainStaffHours', { entryId: 'ch-9', reason: 'x' })).thenThrows(ChainErrors.STAFF_HOURS_NOT_FOUND);
      sut.given([started]).when(cmd('RecordChainStaffHours', { ...hours, minutes: 0 })).thenThrows(ChainErrors.INVALID_FIELD);
    });
  });

  describe('the flat rate', () => {
    it('declares 40 % of direct staff costs, replaces it, withdraws it; the same again changes nothing', () => {
      const forty = { basisPoints: 4000, basis: 'direct-staff-costs' as const, reference: 'ESF+ funding decision, flat rate 40 % (CPR art. 56)' };
      sut.given([started]).when(cmd('DeclareFlatRate', forty)).then([evt('FlatRateDeclared', forty)]);
      sut.given([started, evt('FlatRateDeclared', forty)]).when(cmd('DeclareFlatRate', forty)).thenNothingHappens();
      sut.given([started, evt('FlatRateDeclared', forty)]).when(cmd('DeclareFlatRate', { ...forty, basisPoints: 1500 })).then([evt('FlatRateDeclared', { ...forty, basisPoints: 1500 })]);
      sut.given([started, evt('FlatRateDeclared', forty)]).when(cmd('DeclareFlatRate', { ...forty, basisPoints: null })).then([evt('FlatRateDeclared', { ...forty, basisPoints: null })]);
      sut.given([started]).when(cmd('DeclareFlatRate', { ...forty, basisPoints: null })).thenNothingHappens();
      expect(fold(chainDecider, [started, evt('FlatRateDeclared', forty)])).toMatchObject({ flatRate: forty });
    });

    it('refuses a rate outside 0.01–100 %, an unknown basis and no reference', () => {
      for (const basisPoints of [0, 10_001, 40.5]) sut.given([started]).when(cmd('DeclareFlatRate', { basisPoints, basis: 'direct-staff-costs', reference: 'x' })).thenThrows(ChainErrors.INVALID_FIELD);
      sut.given([started]).when(cmd('DeclareFlatRate', { basisPoints: 4000, basis: 'salaries' as never, reference: 'x' })).thenThrows(ChainErrors.INVALID_FIELD);
      sut.given([started]).when(cmd('DeclareFlatRate', { basisPoints: 4000, basis: 'direct-staff-costs', reference: '' })).thenThrows(ChainErrors.INVALID_FIELD);
    });
  });
});
