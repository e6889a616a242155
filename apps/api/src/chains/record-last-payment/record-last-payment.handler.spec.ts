import { chainStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { StartChainCommand } from '../start-chain/start-chain.command';
import { StartChainHandler } from '../start-chain/start-chain.handler';
import { RecordLastPaymentCommand } from './record-last-payment.command';
import { RecordLastPaymentHandler } from './record-last-payment.handler';

describe('RecordLastPaymentHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordLastPaymentHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const at = '2024-03-28T12:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordLastPaymentHandler(harness.handler);
    const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: '' };
    await new StartChainHandler(harness.handler).execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));
  });
  afterEach(() => harness.cleanup());

  it('appends LastPaymentRecorded with the retention end, and the resulting state carries it', async () => {
    const result = await sut.execute(new RecordLastPaymentCommand(id, '2024-03-28', at, harness.context()));

    expect(result.state).toMatchObject({ lastPaidOn: '2024-03-28', retentionEndsOn: '2029-12-31' });
    expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({
      type: 'LastPaymentRecorded',
      data: { chainId: id, paidOn: '2024-03-28', previousPaidOn: null, retentionEndsOn: '2029-12-31', at },
    });
  });

  it('refuses a last payment before the one recorded with CHAIN.PAYMENT_BEFORE_LAST_PAYMENT', async () => {
    await sut.execute(new RecordLastPaymentCommand(id, '2024-03-28', at, harness.context()));

    await expect(sut.execute(new RecordLastPaymentCommand(id, '2024-01-15', at, harness.context()))).rejects.toMatchObject({
      code: 'CHAIN.PAYMENT_BEFORE_LAST_PAYMENT',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
  });

  it('refuses an unknown chain with CHAIN.NOT_FOUND', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
    await expect(sut.execute(new RecordLastPaymentCommand(unknown, '2024-03-28', at, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND' });
    expect(await harness.eventsOf(chainStream(unknown))).toEqual([]);
  });
});
