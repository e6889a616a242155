import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Logger } from '@nestjs/common';
import { ChainedEventStore, sealLog } from '@kuhina/event-store';
import { ReadTaskRunner } from '@kuhina/application';
import { MemoryReadStore } from '@kuhina/read-model';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { VerifyLogHandler } from './verify-log.handler';
import { VerifyLogQuery } from './verify-log.query';

const metadata = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:01.000Z', actor: 'seed', correlationId: 'c', causationId: null, schemaVersion: 1 };
const AT = '2026-11-27T09:00:00.000Z';

/** The handler over the stores themselves (no worker threads: those run the built code, see read-workers.spec). */
const inline = (events: ChainedEventStore) =>
  new ReadWorkers({ threads: 0, queue: 1 }, { dataDir: '', synchronous: 'FULL', pseudonymKey: new Uint8Array(32) }, new ReadTaskRunner({ events, views: new MemoryReadStore(), pseudonymKey: Buffer.alloc(32) }));

describe('VerifyLogHandler', () => {
  let harness: EventStoreHarness;
  let sut: VerifyLogHandler;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new VerifyLogHandler(inline(harness.store));
    await harness.store.append('workshop-a', [0, 1, 2].map((n) => ({ id: randomUUID(), type: 'ExpenseRecorded', data: { amountCents: n }, metadata })), 'no-stream');
  });
  afterEach(() => harness.cleanup());

  it('reports the log and its seals as intact', async () => {
    const seal = await sealLog(harness.store, { actor: 'audit', at: AT });

    await expect(sut.execute(new VerifyLogQuery('audit'))).resolves.toEqual({
      intact: true,
      streams: 2,
      events: 4,
      seals: [{ intact: true, id: seal.id, revision: 0, position: seal.seal.position, streams: 1, root: seal.seal.root, at: AT }],
    });
  });

  it('reports the broken seal when a stream lost its last event, and warns in the server log', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await sealLog(harness.store, { actor: 'audit', at: AT });
    const db = new Database(join(harness.dir, 'events.db'));
    db.exec("DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE stream = 'workshop-a' AND revision = 2");
    db.close();

    await expect(sut.execute(new VerifyLogQuery('audit'))).resolves.toMatchObject({ intact: false, problem: 'seal-mismatch', seal: { problem: 'root-mismatch' } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('seal-mismatch'));
    warn.mockRestore();
  });

  it('refuses a store it cannot list the streams of', async () => {
    const bare = { ...harness.store } as unknown as ChainedEventStore;

    await expect(new VerifyLogHandler(inline(bare)).execute(new VerifyLogQuery('audit'))).rejects.toThrow(/ChainedEventStore/);
  });
});
