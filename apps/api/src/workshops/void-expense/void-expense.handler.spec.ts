import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, recordedExpense, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { VoidExpenseCommand } from './void-expense.command';
import { VoidExpenseHandler } from './void-expense.handler';

describe('VoidExpenseHandler', () => {
  let harness: EventStoreHarness;
  let sut: VoidExpenseHandler;
  const workshopId = '2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f';
  const expenseId = '3d4e5f6a-7b8c-4d9e-9f0a-1b2c3d4e5f6a';
  const stream = workshopStream(workshopId);
  const at = '2023-07-05T10:00:00.000Z';
  const reason = 'Duplicate entry of receipt VR-2023-06-204411';
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new VoidExpenseHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ExpenseVoided with the reason', async () => {
    await given(recordedExpense(workshopId, expenseId));

    const result = await sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'ExpenseVoided', data: { workshopId, expenseId, reason, voidedAt: at } }]);
  });

  it('refuses an expense voided already with EXPENSE.VOIDED', async () => {
    await given(recordedExpense(workshopId, expenseId));
    await sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()));

    await expect(sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.VOIDED', kind: 'conflict' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown expense with EXPENSE.NOT_FOUND', async () => {
    await given();

    await expect(sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
