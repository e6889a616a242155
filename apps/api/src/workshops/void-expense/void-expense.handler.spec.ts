import { workshopDecider, workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
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
  const given = async (...commands: WorkshopCommand[]) => {
    for (const command of commands) await harness.handler.handle(workshopDecider, stream, command, harness.context());
  };
  const planned: WorkshopCommand = {
    type: 'PlanWorkshop',
    at: '2023-04-01T09:00:00.000Z',
    data: {
      workshopId,
      chainId: null,
      title: 'Työpaja 2: Penkkikahvila SuomiAreenassa',
      theme: 'Kuntalaisten ajatuksia sosiaalisista innovaatioista',
      method: 'Bench café (Penkkikahvila)',
      kind: 'street-event',
      format: 'in-person',
      location: { venue: 'Tent on the pedestrian street', municipality: 'Pori', region: 'Satakunta' },
      startsAt: '2023-06-14T11:00:00+03:00',
      endsAt: '2023-06-14T17:00:00+03:00',
      targetGroups: ['citizens'],
      access: 'open',
      capacity: null,
      coOrganizerIds: [],
    },
  };
  const recorded: WorkshopCommand = {
    type: 'RecordExpense',
    at: '2023-06-21T10:00:00.000Z',
    data: {
      workshopId,
      expenseId,
      category: 'travel',
      amountCents: 18_600,
      fundingSource: 'esf',
      receiptReference: 'VR-2023-06-204411',
      description: 'Train tickets Helsinki–Pori–Helsinki (entered twice)',
      incurredOn: '2023-06-14',
    },
  };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new VoidExpenseHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ExpenseVoided with the reason', async () => {
    await given(planned, recorded);

    const result = await sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'ExpenseVoided', data: { workshopId, expenseId, reason, voidedAt: at } }]);
  });

  it('refuses an expense voided already with EXPENSE.VOIDED', async () => {
    await given(planned, recorded);
    await sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()));

    await expect(sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.VOIDED', kind: 'conflict' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown expense with EXPENSE.NOT_FOUND', async () => {
    await given(planned);

    await expect(sut.execute(new VoidExpenseCommand(workshopId, expenseId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'EXPENSE.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
