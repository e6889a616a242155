import { runStagedTransaction } from '../libs/read-model/src/stores/staged-unit-of-work';
import type { Checkpoint, Page, ReadStore, UnitOfWork, ViewDocument } from '@kuhina/read-model';

/**
 * Bench only: a read store that keeps nothing, to bound what any store could give the rebuild.
 * - `stage`: every write is staged as the real stores stage it (serialised to JSON), then dropped at commit:
 *   the rebuild as if committing cost nothing (e.g. done on another core).
 * - `none`: writes are dropped unseen: only reading the log and projecting are left.
 * Reads find nothing that the projector does not carry from its previous batch, so these runs do at most the
 * real work (a document not carried starts empty): their speeds are upper bounds.
 */
export class DiscardingReadStore implements ReadStore {
  readonly name: string;

  constructor(private readonly mode: 'stage' | 'none') {
    this.name = `discarding-${mode}`;
  }

  async get<T extends ViewDocument>(): Promise<T | null> {
    return null;
  }

  async list<T extends ViewDocument>(): Promise<Page<T>> {
    return { items: [], next: null };
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return null;
  }

  transaction<R>(work: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    if (this.mode === 'stage') return runStagedTransaction(async () => null, work, () => undefined);
    const dropped: UnitOfWork = {
      get: async () => null,
      put: () => undefined,
      delete: () => undefined,
      clear: () => undefined,
      setCheckpoint: () => undefined,
    };
    return work(dropped);
  }

  async drop(): Promise<void> {}

  async close(): Promise<void> {}
}
