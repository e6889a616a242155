import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, recordedExpense } from '../workshop-fixtures.spec-helper';
import { CorrectExpenseCommand, type ExpenseCorrection } from './correct-expense.command';
import { CorrectExpenseHandler } from './correct-expense.handler';

describe('CorrectExpenseHandler', () => {
  let harness: EventStoreHarness;
  let sut: CorrectExpenseHandler;
  const workshopId = '4e5f6a7b-8c9d-4e0f-8a1b-2c3d4e5f6a7b';
  const expenseId = '5f6a7b8c-9d0e-4f1a-9b2c-3d4e5f6a7b8c';
  const stream = workshopStream(workshopId);
  const at = '2023-05-10T10:00:00.000Z';
  const correction: ExpenseCorrection = {
    amountCents: 4_400,
    category: 'materials',
    fundingSource: 'esf',
    receiptReference: 'RCPT-2023-04-17-0032',
    reason: 'Receipt misread: 44,00 € not 64,00 €',
  };
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CorrectExpenseHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ExpenseCorrected with the new figures and the previous ones', async () => {
    await given(recordedExpense(workshopId, expenseId));

    const result = await sut.execute(new CorrectExpenseCommand(workshopId, expenseId, correction, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([
      {
        type: 'ExpenseCorrected',
        data: {
          workshopId,
          expenseId,
          amountCents: 4_400,
          category: 'materials',
          fundingSource: 'esf',
          receiptReference: 'RCPT-2023-04-17-0032',
          previous: { amountCents: 6_400, category: 'materials', fundingSource: 'esf', receiptReference: 'RCPT-2023-04-17-0032' },
          reason: correction.reason,
          correctedAt: at,
        },
      },
    ]);
  });

  it('refuses a voided expense with EXPENSE.VOIDED', async () => {
    await given(recordedExpense(workshopId, expenseId), { type: 'VoidExpense', at, data: { workshopId, expenseId, reason: 'Entered under the wrong workshop' } });

    await expect(sut.execute(new CorrectExpenseCommand(workshopId, expenseId, correction, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.VOIDED', kind: 'conflict' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown expense with EXPENSE.NOT_FOUND', async () => {
    await given();

    await expect(sut.execute(new CorrectExpenseCommand(workshopId, expenseId, correction, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.NOT_FOUND' });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
