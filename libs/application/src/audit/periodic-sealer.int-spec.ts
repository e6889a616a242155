import { randomUUID } from 'node:crypto';
import { AUDIT_SEALS_STREAM, verifyLog, type AuditSealedData, type EventToAppend } from '@kuhina/event-store';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { PeriodicSealer } from './periodic-sealer';

const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const ticks = (n: number): EventToAppend[] => Array.from({ length: n }, () => ({ id: randomUUID(), type: 'Ticked', data: {}, metadata: meta }));

describe('PeriodicSealer over a real SQLite log', () => {
  let harness: EventStoreHarness;
  beforeEach(async () => {
    harness = await eventStoreHarness();
  });
  afterEach(() => harness.cleanup());

  const seals = async () => (await harness.store.readStream(AUDIT_SEALS_STREAM)).map((e) => e.data as AuditSealedData);

  it('seals every N events as the log grows, each seal by the projector, and verification checks them all', async () => {
    const sut = new PeriodicSealer(harness.store, { every: 10, clock: () => new Date('2026-11-27T08:00:00.000Z') });
    await sut.start();
    for (let i = 0; i < 5; i++) {
      await harness.store.append(`tick-${i}`, ticks(5), 'any');
      await sut.check();
    }

    // 10 events: due; then 10 more besides the seal's own event (position 21): due again; 5 more: not yet.
    expect((await seals()).map((s) => s.position)).toEqual(['10', '21']);
    // And on its own, following the append signal.
    await harness.store.append('tick-late', ticks(11), 'any');
    for (let waited = 0; (await seals()).length < 3 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await sut.stop();
    expect((await seals()).map((s) => s.position)).toEqual(['10', '21', '38']);
    const events = await harness.store.readStream(AUDIT_SEALS_STREAM);
    expect(events.every((e) => e.metadata.actor === 'projector' && e.metadata.recordedAt === '2026-11-27T08:00:00.000Z')).toBe(true);
    const verification = await verifyLog(harness.store.storage);
    expect(verification).toMatchObject({ intact: true, seals: [{ intact: true }, { intact: true }, { intact: true }] });
  });

  it('does not seal a quiet log again after a restart, and is off with every = 0', async () => {
    await harness.store.append('tick', ticks(12), 'any');
    const first = new PeriodicSealer(harness.store, { every: 10 });
    await first.start();
    await first.check();
    await first.stop();
    const again = new PeriodicSealer(harness.store, { every: 10 });
    await again.start();
    await again.check();
    await again.stop();
    const off = new PeriodicSealer(harness.store, { every: 0 });
    await off.start();
    await harness.store.append('tick', ticks(30), 'any');
    await off.stop();

    expect((await seals()).map((s) => s.position)).toEqual(['12']);
  });
});
