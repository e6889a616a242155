import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop } from '../workshop-fixtures.spec-helper';
import { RecordExpenseCommand, type ExpenseDetails } from './record-expense.command';
import { RecordExpenseHandler } from './record-expense.handler';

describe('RecordExpenseHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordExpenseHandler;
  const workshopId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
  const expenseId = '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';
  const stream = workshopStream(workshopId);
  const at = '2023-04-26T10:00:00.000Z';
  const catering: ExpenseDetails = {
    category: 'catering',
    amountCents: 64_000,
    fundingSource: 'esf',
    receiptReference: 'INV-2023-0419-RAU-01',
    description: 'Vegetarian lunch and coffee, 40 persons, local caterer',
    incurredOn: '2023-04-19',
  };
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordExpenseHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ExpenseRecorded to workshop-<id>', async () => {
    await given();

    const result = await sut.execute(new RecordExpenseCommand(workshopId, expenseId, catering, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'ExpenseRecorded', data: { workshopId, expenseId, ...catering, recordedAt: at } }]);
  });

  it('refuses other figures under a taken expense id with EXPENSE.ALREADY_EXISTS', async () => {
    await given();
    await sut.execute(new RecordExpenseCommand(workshopId, expenseId, catering, at, harness.context()));

    await expect(sut.execute(new RecordExpenseCommand(workshopId, expenseId, { ...catering, amountCents: 46_000 }, at, harness.context()))).rejects.toMatchObject({
      code: 'EXPENSE.ALREADY_EXISTS',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });

  it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
    await expect(sut.execute(new RecordExpenseCommand(workshopId, expenseId, catering, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
    expect(await harness.eventsOf(stream)).toEqual([]);
  });
});
