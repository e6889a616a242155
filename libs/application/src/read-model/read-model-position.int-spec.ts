import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ChainedEventStore, SqliteEventStorage, canonicalJson } from '@kuhina/event-store';
import { PROJECTIONS, Projector, SqliteReadStore, type ProjectorLease } from '@kuhina/read-model';
import { allViewDocuments, writeSyntheticHistory } from '@kuhina/testing';
import { ReadModelPosition } from './read-model-position';

/** One lease shared by two projectors of this process, as the lock file is shared by the API and the CLI's processes. */
function sharedLease(): (owner: string) => ProjectorLease {
  let holder: string | null = null;
  return (owner) => ({
    tryAcquire: () => {
      if (holder !== null && holder !== owner) return false;
      holder = owner;
      return true;
    },
    release: () => {
      if (holder === owner) holder = null;
    },
  });
}

const meta = { occurredAt: '2023-10-10T10:00:00.000Z', recordedAt: '2023-10-10T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };

// The API's projector sits idle while `kuhina projections rebuild` (another process, with the lease) replays the
// views and stops half-way (Ctrl-C, a crash). Real SQLite stores, the real projections.
describe('Read-your-writes while another process rebuilds the views', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let log: ChainedEventStore;
  let views: SqliteReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-position-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 10 });
    log = new ChainedEventStore(storage);
    views = new SqliteReadStore({ file: join(dir, 'views.db') });
    await writeSyntheticHistory(log, { chains: 1, workshopsPerChain: 3, people: 40, organizations: 8, registrationsPerWorkshop: 10, attendance: 0.8, feedbackPerWorkshop: 2, seed: 3 });
  }, 30_000);
  afterEach(async () => {
    await views.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the stored position, not the idle projector\'s, and that projector finishes a rebuild stopped half-way', async () => {
    const lease = sharedLease();
    const api = new Projector(log, views, { projections: PROJECTIONS, lease: lease('api'), leaseRetryMs: 10 });
    const position = new ReadModelPosition(api, views, 5);
    await api.start();
    try {
      const head = (await log.headPosition())!;
      expect(await position.waitFor(head, 5_000)).toBe(true);
      const caughtUp = canonicalJson(await allViewDocuments(views));

      // The rebuild takes the lease (the API's projector is idle: it let go of it), resets every projection and
      // commits a few batches, then stops.
      const rebuildLease = lease('rebuild');
      expect(rebuildLease.tryAcquire()).toBe(true);
      let batches = 0;
      const rebuild = new Projector(log, views, {
        projections: PROJECTIONS,
        batchSize: 10,
        onBatch: () => {
          if (++batches === 2) throw new Error('rebuild stopped');
        },
      });
      await rebuild.load();
      await rebuild.reset(PROJECTIONS.map((p) => p.name));
      await expect(rebuild.catchUp()).rejects.toThrow('rebuild stopped');
      rebuildLease.release();
      const halfWay = rebuild.position!;
      expect(halfWay < head).toBe(true);

      // In memory the API's projector is still at the head; the views are not.
      expect(api.position).toBe(head);
      expect(await position.current()).toBe(halfWay);
      expect(await position.waitFor(head, 30)).toBe(false);

      // The next write wakes the API's projector: it must carry on from the stored checkpoints, not from memory.
      const write = await log.append(`organization-${randomUUID()}`, [{ id: randomUUID(), type: 'OrganizationRegistered', data: { organizationId: randomUUID(), name: 'Satakunnan Yhteisöt ry', sector: 'third-sector', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null, at: meta.occurredAt }, metadata: meta }], 'no-stream');
      expect(await position.waitFor(write.position, 10_000)).toBe(true);

      const clean = new SqliteReadStore({ file: join(dir, 'clean.db') });
      try {
        await new Projector(log, clean, { projections: PROJECTIONS }).catchUp();
        expect(await allViewDocuments(views)).toEqual(await allViewDocuments(clean));
      } finally {
        await clean.close();
      }
      expect(canonicalJson(await allViewDocuments(views))).not.toBe(caughtUp);
    } finally {
      await api.stop();
    }
  }, 60_000);
});
