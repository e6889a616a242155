import { chainStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { StartChainCommand } from './start-chain.command';
import { StartChainHandler } from './start-chain.handler';

describe('StartChainHandler', () => {
  let harness: EventStoreHarness;
  let sut: StartChainHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const details = {
    name: 'Koulutukselliset kehittämistyöpajat 2023',
    fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
    esfOperationId: 'DEMO-ESF-2023-001',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    description: 'Five workshops, April–October 2023.',
  };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new StartChainHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ChainStarted to chain-<id>', async () => {
    const result = await sut.execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));

    expect(result.revision).toBe(0);
    expect(await harness.eventsOf(chainStream(id))).toEqual([{ type: 'ChainStarted', data: { chainId: id, ...details, at: '2023-01-02T08:00:00.000Z' } }]);
  });

  it('refuses a different chain under an existing id with CHAIN.ALREADY_EXISTS', async () => {
    await sut.execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));

    await expect(sut.execute(new StartChainCommand(id, { ...details, name: 'Another chain' }, '2023-01-02T08:00:00.000Z', harness.context()))).rejects.toMatchObject({
      code: 'CHAIN.ALREADY_EXISTS',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(chainStream(id))).toHaveLength(1);
  });

  it('refuses a period that ends before it starts with CHAIN.PERIOD_INVALID and appends nothing', async () => {
    await expect(sut.execute(new StartChainCommand(id, { ...details, periodEnd: '2022-12-31' }, '2023-01-02T08:00:00.000Z', harness.context()))).rejects.toMatchObject({
      code: 'CHAIN.PERIOD_INVALID',
      kind: 'validation',
    });
    expect(await harness.eventsOf(chainStream(id))).toEqual([]);
  });
});
