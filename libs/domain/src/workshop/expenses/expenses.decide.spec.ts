import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import type { ExpenseFigures } from '../workshop.events';
import {
  at,
  coffee,
  command,
  event,
  expenseRecorded,
  heldWithAnna,
  planned,
  recordExpense,
  workshopCancelled,
  workshopReported,
} from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider: expenses', () => {
  describe('RecordExpense: in any state, amounts in whole cents', () => {
    it('records an expense, also for a cancelled workshop', () => {
      sut.given(planned()).when(recordExpense()).then([expenseRecorded()]);
      sut.given([...planned(), workshopCancelled]).when(recordExpense()).then([expenseRecorded()]);
      sut.given([...heldWithAnna(), workshopReported]).when(recordExpense()).then([expenseRecorded()]);
    });

    it.each([-100, 99.5, Number.NaN])('refuses an amount of %p cents', (amountCents) => {
      sut.given(planned()).when(recordExpense('x-1', { amountCents })).thenThrows(E.EXPENSE_AMOUNT_INVALID);
    });

    it('refuses a missing receipt reference, an unknown funding source or a bad date', () => {
      sut.given(planned()).when(recordExpense('x-1', { receiptReference: '' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given(planned()).when(recordExpense('x-1', { fundingSource: 'lottery' as 'esf' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given(planned()).when(recordExpense('x-1', { incurredOn: '19.4.2023' })).thenThrows(E.EXPENSE_INVALID_FIELD);
    });

    it('a retry gives no events; another expense under the same id is refused', () => {
      sut.given([...planned(), expenseRecorded()]).when(recordExpense()).thenNothingHappens();
      sut.given([...planned(), expenseRecorded()]).when(recordExpense('x-1', { amountCents: 1 })).thenThrows(E.EXPENSE_ALREADY_EXISTS);
    });
  });

  describe('VoidExpense / CorrectExpense: never edited, voided or corrected by new facts', () => {
    const voided = event('ExpenseVoided', { expenseId: 'x-1', reason: 'Recorded twice', voidedAt: at });
    const correction = { ...coffee, amountCents: 24_500, receiptReference: 'INV-2023-041b' };
    const correct = (figures: ExpenseFigures = correction) => command('CorrectExpense', { expenseId: 'x-1', ...figures, reason: 'Credit note' });
    const corrected = event('ExpenseCorrected', { expenseId: 'x-1', ...correction, previous: coffee, reason: 'Credit note', correctedAt: at });

    it('voids an expense', () => {
      sut.given([...planned(), expenseRecorded()]).when(command('VoidExpense', { expenseId: 'x-1', reason: 'Recorded twice' })).then([voided]);
    });

    it('corrects an expense, naming the figures it replaces', () => {
      sut.given([...planned(), expenseRecorded()]).when(correct()).then([corrected]);
    });

    it('a second correction replaces the corrected figures', () => {
      const again = { ...correction, category: 'travel' as const };
      sut.given([...planned(), expenseRecorded(), corrected]).when(correct(again)).then([
        event('ExpenseCorrected', { expenseId: 'x-1', ...again, previous: correction, reason: 'Credit note', correctedAt: at }),
      ]);
    });

    it('a correction to the current figures gives no events', () => {
      sut.given([...planned(), expenseRecorded(), corrected]).when(correct()).thenNothingHappens();
    });

    it('refuses to void or correct a voided expense', () => {
      sut.given([...planned(), expenseRecorded(), voided]).when(command('VoidExpense', { expenseId: 'x-1', reason: 'again' })).thenThrows(E.EXPENSE_VOIDED);
      sut.given([...planned(), expenseRecorded(), voided]).when(correct()).thenThrows(E.EXPENSE_VOIDED);
    });

    it('refuses an unknown expense, a blank reason and a bad amount', () => {
      sut.given(planned()).when(command('VoidExpense', { expenseId: 'x-404', reason: 'x' })).thenThrows(E.EXPENSE_NOT_FOUND);
      sut.given([...planned(), expenseRecorded()]).when(command('VoidExpense', { expenseId: 'x-1', reason: '' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given([...planned(), expenseRecorded()]).when(correct({ ...correction, amountCents: -1 })).thenThrows(E.EXPENSE_AMOUNT_INVALID);
    });
  });
});
