import { chainStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { DomainCommandExecutor } from './domain-command-executor';

// The chain commands through the generic use case (formerly one pass-through handler each).
describe('DomainCommandExecutor: chain commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
  const startedAt = '2023-01-02T08:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('StartChain', () => {
    const details = {
      name: 'Koulutukselliset kehittämistyöpajat 2023',
      fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
      esfOperationId: 'DEMO-ESF-2023-001',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      description: 'Five workshops, April–October 2023.',
    };

    it('appends ChainStarted to chain-<id>', async () => {
      const result = await executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details }, at: startedAt }, harness.context());

      expect(result.revision).toBe(0);
      expect(await harness.eventsOf(chainStream(id))).toEqual([{ type: 'ChainStarted', data: { chainId: id, ...details, hubOrganizationId: null, at: startedAt } }]);
    });

    it('refuses a different chain under an existing id with CHAIN.ALREADY_EXISTS', async () => {
      await executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details }, at: startedAt }, harness.context());

      await expect(executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details, name: 'Another chain' }, at: startedAt }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.ALREADY_EXISTS',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(chainStream(id))).toHaveLength(1);
    });

    it('refuses a period that ends before it starts with CHAIN.PERIOD_INVALID and appends nothing', async () => {
      await expect(executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details, periodEnd: '2022-12-31' }, at: startedAt }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.PERIOD_INVALID',
        kind: 'validation',
      });
      expect(await harness.eventsOf(chainStream(id))).toEqual([]);
    });
  });

  describe('UpdateChainDetails', () => {
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
      await executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details }, at: startedAt }, harness.context());
    });

    it('appends ChainDetailsUpdated with only the fields that change', async () => {
      const result = await executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId: id, periodEnd: '2024-03-31', name: details.name }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({ type: 'ChainDetailsUpdated', data: { chainId: id, periodEnd: '2024-03-31', at } });
    });

    it('refuses an unknown chain with CHAIN.NOT_FOUND', async () => {
      await expect(executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId: unknown, name: 'x' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(chainStream(unknown))).toEqual([]);
    });

    it('refuses a change to a closed chain with CHAIN.CLOSED', async () => {
      await executor.execute('chain', { type: 'CloseChain', data: { chainId: id, reason: 'Operation ended' }, at }, harness.context());

      await expect(executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId: id, name: 'Renamed' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.CLOSED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
    });
  });

  describe('RecordLastPayment', () => {
    const at = '2024-03-28T12:00:00.000Z';

    beforeEach(async () => {
      const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: '' };
      await executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details }, at: startedAt }, harness.context());
    });

    it('appends LastPaymentRecorded with the retention end, and the resulting state carries it', async () => {
      const result = await executor.execute('chain', { type: 'RecordLastPayment', data: { chainId: id, paidOn: '2024-03-28' }, at }, harness.context());

      expect(result.state).toMatchObject({ lastPaidOn: '2024-03-28', retentionEndsOn: '2029-12-31' });
      expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({
        type: 'LastPaymentRecorded',
        data: { chainId: id, paidOn: '2024-03-28', previousPaidOn: null, retentionEndsOn: '2029-12-31', at },
      });
    });

    it('refuses a last payment before the one recorded with CHAIN.PAYMENT_BEFORE_LAST_PAYMENT', async () => {
      await executor.execute('chain', { type: 'RecordLastPayment', data: { chainId: id, paidOn: '2024-03-28' }, at }, harness.context());

      await expect(executor.execute('chain', { type: 'RecordLastPayment', data: { chainId: id, paidOn: '2024-01-15' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.PAYMENT_BEFORE_LAST_PAYMENT',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
    });

    it('refuses an unknown chain with CHAIN.NOT_FOUND', async () => {
      await expect(executor.execute('chain', { type: 'RecordLastPayment', data: { chainId: unknown, paidOn: '2024-03-28' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.NOT_FOUND',
      });
      expect(await harness.eventsOf(chainStream(unknown))).toEqual([]);
    });
  });

  describe('CloseChain', () => {
    const at = '2024-01-10T09:00:00.000Z';

    beforeEach(async () => {
      const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: '' };
      await executor.execute('chain', { type: 'StartChain', data: { chainId: id, ...details }, at: startedAt }, harness.context());
    });

    it('appends ChainClosed with the reason', async () => {
      const result = await executor.execute('chain', { type: 'CloseChain', data: { chainId: id, reason: 'All workshops held and reported' }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(chainStream(id)))[1]).toEqual({ type: 'ChainClosed', data: { chainId: id, reason: 'All workshops held and reported', at } });
    });

    it('refuses closing again for another reason with CHAIN.CLOSED', async () => {
      await executor.execute('chain', { type: 'CloseChain', data: { chainId: id, reason: 'All workshops held and reported' }, at }, harness.context());

      await expect(executor.execute('chain', { type: 'CloseChain', data: { chainId: id, reason: 'Funding ended' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.CLOSED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(chainStream(id))).toHaveLength(2);
    });

    it('refuses a blank reason with CHAIN.BLANK_FIELD', async () => {
      await expect(executor.execute('chain', { type: 'CloseChain', data: { chainId: id, reason: '  ' }, at }, harness.context())).rejects.toMatchObject({
        code: 'CHAIN.BLANK_FIELD',
        kind: 'validation',
      });
      expect(await harness.eventsOf(chainStream(id))).toHaveLength(1);
    });
  });
});
