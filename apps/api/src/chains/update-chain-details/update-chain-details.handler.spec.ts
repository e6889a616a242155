import { chainStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { CloseChainCommand } from '../close-chain/close-chain.command';
import { CloseChainHandler } from '../close-chain/close-chain.handler';
import { StartChainCommand } from '../start-chain/start-chain.command';
import { StartChainHandler } from '../start-chain/start-chain.handler';
import { UpdateChainDetailsCommand } from './update-chain-details.command';
import { UpdateChainDetailsHandler } from './update-chain-details.handler';

describe('UpdateChainDetailsHandler', () => {
  let harness: EventStoreHarness;
  let sut: UpdateChainDetailsHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const at = '2023-05-02T08:00:00.000Z';
  const details = {
    name: 'Koulutukselliset kehittämistyöpajat 2023',
    fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
    esfOperationId: 'DEMO-ESF-2023-001',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    description: '',
  };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new UpdateChainDetailsHandler(harness.handler);
    await new StartChainHandler(harness.handler).execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));
  });
  afterEach(() => harness.cleanup());

  it('appends ChainDetailsUpdated with only the fields that change', async () => {
    const result = await sut.execute(new UpdateChainDetailsCommand(id, { periodEnd: '2024-03-31', name: details.name }, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({ type: 'ChainDetailsUpdated', data: { chainId: id, periodEnd: '2024-03-31', at } });
  });

  it('refuses an unknown chain with CHAIN.NOT_FOUND', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.execute(new UpdateChainDetailsCommand(unknown, { name: 'x' }, at, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(chainStream(unknown))).toEqual([]);
  });

  it('refuses a change to a closed chain with CHAIN.CLOSED', async () => {
    await new CloseChainHandler(harness.handler).execute(new CloseChainCommand(id, 'Operation ended', at, harness.context()));

    await expect(sut.execute(new UpdateChainDetailsCommand(id, { name: 'Renamed' }, at, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.CLOSED', kind: 'conflict' });
    expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
  });
});
