import { workshopStream, type CorrectExpense, type RecordExpense, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, recordedExpense, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { DomainCommandExecutor } from './domain-command-executor';

// The expenses of a workshop through the generic use case (formerly one pass-through handler each).
describe('DomainCommandExecutor: workshop expense commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('RecordExpense', () => {
    const workshopId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    const expenseId = '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';
    const stream = workshopStream(workshopId);
    const at = '2023-04-26T10:00:00.000Z';
    const catering: Omit<RecordExpense['data'], 'workshopId' | 'expenseId'> = {
      category: 'catering',
      amountCents: 64_000,
      fundingSource: 'esf',
      receiptReference: 'INV-2023-0419-RAU-01',
      description: 'Vegetarian lunch and coffee, 40 persons, local caterer',
      incurredOn: '2023-04-19',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

    it('appends ExpenseRecorded to workshop-<id>', async () => {
      await given();

      const result = await executor.execute('workshop', { type: 'RecordExpense', data: { workshopId, expenseId, ...catering }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'ExpenseRecorded', data: { workshopId, expenseId, ...catering, recordedAt: at } }]);
    });

    it('refuses other figures under a taken expense id with EXPENSE.ALREADY_EXISTS', async () => {
      await given();
      await executor.execute('workshop', { type: 'RecordExpense', data: { workshopId, expenseId, ...catering }, at }, harness.context());

      await expect(
        executor.execute('workshop', { type: 'RecordExpense', data: { workshopId, expenseId, ...catering, amountCents: 46_000 }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'EXPENSE.ALREADY_EXISTS',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });

    it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
      await expect(executor.execute('workshop', { type: 'RecordExpense', data: { workshopId, expenseId, ...catering }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_FOUND',
      });
      expect(await harness.eventsOf(stream)).toEqual([]);
    });
  });

  describe('VoidExpense', () => {
    const workshopId = '2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f';
    const expenseId = '3d4e5f6a-7b8c-4d9e-9f0a-1b2c3d4e5f6a';
    const stream = workshopStream(workshopId);
    const at = '2023-07-05T10:00:00.000Z';
    const reason = 'Duplicate entry of receipt VR-2023-06-204411';
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

    it('appends ExpenseVoided with the reason', async () => {
      await given(recordedExpense(workshopId, expenseId));

      const result = await executor.execute('workshop', { type: 'VoidExpense', data: { workshopId, expenseId, reason }, at }, harness.context());

      expect(result.revision).toBe(2);
      expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'ExpenseVoided', data: { workshopId, expenseId, reason, voidedAt: at } }]);
    });

    it('refuses an expense voided already with EXPENSE.VOIDED', async () => {
      await given(recordedExpense(workshopId, expenseId));
      await executor.execute('workshop', { type: 'VoidExpense', data: { workshopId, expenseId, reason }, at }, harness.context());

      await expect(executor.execute('workshop', { type: 'VoidExpense', data: { workshopId, expenseId, reason }, at }, harness.context())).rejects.toMatchObject({
        code: 'EXPENSE.VOIDED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });

    it('refuses an unknown expense with EXPENSE.NOT_FOUND', async () => {
      await given();

      await expect(executor.execute('workshop', { type: 'VoidExpense', data: { workshopId, expenseId, reason }, at }, harness.context())).rejects.toMatchObject({
        code: 'EXPENSE.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(1);
    });
  });

  describe('CorrectExpense', () => {
    const workshopId = '4e5f6a7b-8c9d-4e0f-8a1b-2c3d4e5f6a7b';
    const expenseId = '5f6a7b8c-9d0e-4f1a-9b2c-3d4e5f6a7b8c';
    const stream = workshopStream(workshopId);
    const at = '2023-05-10T10:00:00.000Z';
    const correction: Omit<CorrectExpense['data'], 'workshopId' | 'expenseId'> = {
      amountCents: 4_400,
      category: 'materials',
      fundingSource: 'esf',
      receiptReference: 'RCPT-2023-04-17-0032',
      reason: 'Receipt misread: 44,00 € not 64,00 €',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

    it('appends ExpenseCorrected with the new figures and the previous ones', async () => {
      await given(recordedExpense(workshopId, expenseId));

      const result = await executor.execute('workshop', { type: 'CorrectExpense', data: { workshopId, expenseId, ...correction }, at }, harness.context());

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

      await expect(executor.execute('workshop', { type: 'CorrectExpense', data: { workshopId, expenseId, ...correction }, at }, harness.context())).rejects.toMatchObject({
        code: 'EXPENSE.VOIDED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });

    it('refuses an unknown expense with EXPENSE.NOT_FOUND', async () => {
      await given();

      await expect(executor.execute('workshop', { type: 'CorrectExpense', data: { workshopId, expenseId, ...correction }, at }, harness.context())).rejects.toMatchObject({
        code: 'EXPENSE.NOT_FOUND',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(1);
    });
  });
});
