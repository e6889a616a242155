import { randomUUID } from 'node:crypto';
import { DomainError } from '@kuhina/domain';
import { AUDIT_SEALS_STREAM, merkleRoot, type StreamHead } from '@kuhina/event-store';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { SealLogCommand } from './seal-log.command';
import { SealLogHandler } from './seal-log.handler';

const metadata = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:01.000Z', actor: 'seed', correlationId: 'c', causationId: null, schemaVersion: 1 };
const AT = '2026-11-27T09:00:00.000Z';

describe('SealLogHandler', () => {
  let harness: EventStoreHarness;
  let sut: SealLogHandler;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new SealLogHandler(harness.store);
  });
  afterEach(() => harness.cleanup());

  it('appends AuditSealed over the stream heads, recorded as the caller', async () => {
    const a = await harness.store.append('workshop-a', [{ id: randomUUID(), type: 'WorkshopPlanned', data: {}, metadata }], 'no-stream');
    await harness.store.append('workshop-b', [{ id: randomUUID(), type: 'WorkshopPlanned', data: {}, metadata }], 'no-stream');
    const heads = new Map<string, StreamHead>([
      ['workshop-a', (await harness.store.streamHead('workshop-a'))!],
      ['workshop-b', (await harness.store.streamHead('workshop-b'))!],
    ]);

    const result = await sut.execute(new SealLogCommand(AT, harness.context({ actor: 'audit' })));

    const [stored] = await harness.store.readStream(AUDIT_SEALS_STREAM);
    expect(result.seal).toEqual({ position: String(a.position + 1n), streams: 2, root: merkleRoot(heads).root, algorithm: 'sha256-merkle-v1', at: AT });
    expect(stored).toMatchObject({ id: result.id, type: 'AuditSealed', data: result.seal });
    expect(stored!.metadata.actor).toBe('audit');
  });

  it('seals once for a retried command (same command id)', async () => {
    await harness.store.append('workshop-a', [{ id: randomUUID(), type: 'WorkshopPlanned', data: {}, metadata }], 'no-stream');
    const context = harness.context();

    const first = await sut.execute(new SealLogCommand(AT, context));
    const retry = await sut.execute(new SealLogCommand('2026-11-27T09:00:05.000Z', context));

    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await harness.store.readStream(AUDIT_SEALS_STREAM)).toHaveLength(1);
  });

  it('answers 409 SEAL.EMPTY_LOG on an empty log', async () => {
    const refused = sut.execute(new SealLogCommand(AT, harness.context()));

    // A conflict: the one place that maps errors to HTTP answers it with 409 (see the audit e2e suite).
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'SEAL.EMPTY_LOG', kind: 'conflict' });
  });
});
