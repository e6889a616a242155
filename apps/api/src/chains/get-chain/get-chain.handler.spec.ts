import { chainDecider, chainStream } from '@kuhina/domain';
import { MemoryReadStore } from '@kuhina/read-model';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { ViewReader } from '../../common/views/view-reader';
import { CloseChainCommand } from '../close-chain/close-chain.command';
import { CloseChainHandler } from '../close-chain/close-chain.handler';
import { RecordLastPaymentCommand } from '../record-last-payment/record-last-payment.command';
import { RecordLastPaymentHandler } from '../record-last-payment/record-last-payment.handler';
import { StartChainCommand } from '../start-chain/start-chain.command';
import { StartChainHandler } from '../start-chain/start-chain.handler';
import { GetChainHandler } from './get-chain.handler';
import { GetChainQuery } from './get-chain.query';

describe('GetChainHandler', () => {
  let harness: EventStoreHarness;
  let sut: GetChainHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: 'Five workshops' };
  const rauma = '11111111-1111-4111-8111-111111111111';
  const pori = '22222222-2222-4222-8222-222222222222';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new GetChainHandler(harness.handler, new ViewReader(new MemoryReadStore()));
  });
  afterEach(() => harness.cleanup());

  it('answers the chain with its workshops in order, last payment, retention end and revision', async () => {
    await new StartChainHandler(harness.handler).execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));
    for (const workshopId of [rauma, pori]) {
      await harness.handler.handle(chainDecider, chainStream(id), { type: 'AddWorkshopToChain', data: { chainId: id, workshopId }, at: '2023-02-01T08:00:00.000Z' }, harness.context());
    }
    await new RecordLastPaymentHandler(harness.handler).execute(new RecordLastPaymentCommand(id, '2024-03-28', '2024-03-28T12:00:00.000Z', harness.context()));
    await new CloseChainHandler(harness.handler).execute(new CloseChainCommand(id, 'Operation ended', '2024-04-02T12:00:00.000Z', harness.context()));

    expect(await sut.execute(new GetChainQuery(id))).toEqual({
      revision: 4,
      chain: {
        id,
        ...details,
        status: 'closed',
        startedAt: '2023-01-02T08:00:00.000Z',
        workshopIds: [rauma, pori],
        lastPaidOn: '2024-03-28',
        retentionEndsOn: '2029-12-31',
        closedAt: '2024-04-02T12:00:00.000Z',
        closeReason: 'Operation ended',
        workshops: [],
        totals: null,
      },
    });
  });

  it('refuses an unknown id with CHAIN.NOT_FOUND', async () => {
    await expect(sut.execute(new GetChainQuery(id))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND', kind: 'not-found' });
  });
});
