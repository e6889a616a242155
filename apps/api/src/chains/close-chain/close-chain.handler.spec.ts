import { chainStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { StartChainCommand } from '../start-chain/start-chain.command';
import { StartChainHandler } from '../start-chain/start-chain.handler';
import { CloseChainCommand } from './close-chain.command';
import { CloseChainHandler } from './close-chain.handler';

describe('CloseChainHandler', () => {
  let harness: EventStoreHarness;
  let sut: CloseChainHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const at = '2024-01-10T09:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CloseChainHandler(harness.handler);
    const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: '' };
    await new StartChainHandler(harness.handler).execute(new StartChainCommand(id, details, '2023-01-02T08:00:00.000Z', harness.context()));
  });
  afterEach(() => harness.cleanup());

  it('appends ChainClosed with the reason', async () => {
    const result = await sut.execute(new CloseChainCommand(id, 'All workshops held and reported', at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({ type: 'ChainClosed', data: { chainId: id, reason: 'All workshops held and reported', at } });
  });

  it('refuses closing again for another reason with CHAIN.CLOSED', async () => {
    await sut.execute(new CloseChainCommand(id, 'All workshops held and reported', at, harness.context()));

    await expect(sut.execute(new CloseChainCommand(id, 'Funding ended', at, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.CLOSED', kind: 'conflict' });
    expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
  });

  it('refuses a blank reason with CHAIN.BLANK_FIELD', async () => {
    await expect(sut.execute(new CloseChainCommand(id, '  ', at, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.BLANK_FIELD', kind: 'validation' });
    expect(await harness.eventsOf(chainStream(id))).toHaveLength(1);
  });
});
