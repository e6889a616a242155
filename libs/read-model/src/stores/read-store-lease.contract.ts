import { LeaseLostError, type LeaseStore, type ReadStore } from '../read-store.port';

const VIEWS = 'workshop-registrations';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The lease part of the read-store contract (called from readStoreContract, so every adapter runs it): leases kept in
 * the store with owner and expiry, and commits fenced with them. `store` gives the contract's store of the running test.
 */
export function leaseContract(store: () => ReadStore, timeout: number): void {
  const sut = (): ReadStore & LeaseStore => {
    const current = store();
    if (!current.acquireLease || !current.releaseLease || !current.leaseHolder) throw new Error(`${current.name} keeps no leases`);
    return current as ReadStore & LeaseStore;
  };

  describe('leases (the projector lease kept in the store)', () => {
    it('is taken when free, renewed by its owner, and refused to another while held', async () => {
      expect(await sut().leaseHolder('projector')).toBeNull();
      expect(await sut().acquireLease('projector', 'a', 60_000)).toBe(true);
      expect(await sut().leaseHolder('projector')).toBe('a');
      expect(await sut().acquireLease('projector', 'b', 60_000)).toBe(false);
      expect(await sut().acquireLease('projector', 'a', 60_000)).toBe(true);
      expect(await sut().leaseHolder('projector')).toBe('a');
      // Another name is another lease.
      expect(await sut().acquireLease('rebuild', 'b', 60_000)).toBe(true);
      expect(await sut().leaseHolder('rebuild')).toBe('b');
    }, timeout);

    it('a renewal moves the expiry: held past its first term while renewed, taken over only once it lapses', async () => {
      expect(await sut().acquireLease('projector', 'a', 600)).toBe(true);
      await sleep(400);
      expect(await sut().acquireLease('projector', 'a', 600)).toBe(true);
      await sleep(400);
      // 800 ms after the first take, 400 after the renewal: still a's.
      expect(await sut().acquireLease('projector', 'b', 600)).toBe(false);
      expect(await sut().leaseHolder('projector')).toBe('a');
      await sleep(400);
      expect(await sut().leaseHolder('projector')).toBeNull();
      expect(await sut().acquireLease('projector', 'b', 600)).toBe(true);
      expect(await sut().leaseHolder('projector')).toBe('b');
      // The one that lost it cannot take it back while b holds it.
      expect(await sut().acquireLease('projector', 'a', 600)).toBe(false);
    }, timeout);

    it('a renewal only extends a lease its owner still holds: it never takes a free, lapsed or taken one', async () => {
      expect(await sut().acquireLease('projector', 'a', 60_000, true)).toBe(false);
      expect(await sut().leaseHolder('projector')).toBeNull();
      expect(await sut().acquireLease('projector', 'a', 200)).toBe(true);
      expect(await sut().acquireLease('projector', 'a', 200, true)).toBe(true);
      await sleep(400);
      expect(await sut().acquireLease('projector', 'a', 60_000, true)).toBe(false);
      expect(await sut().leaseHolder('projector')).toBeNull();
      expect(await sut().acquireLease('projector', 'b', 60_000)).toBe(true);
      expect(await sut().acquireLease('projector', 'a', 60_000, true)).toBe(false);
      expect(await sut().leaseHolder('projector')).toBe('b');
    }, timeout);

    it('is given up by its owner only: another owner releasing it changes nothing', async () => {
      expect(await sut().acquireLease('projector', 'a', 60_000)).toBe(true);
      await sut().releaseLease('projector', 'b');
      expect(await sut().leaseHolder('projector')).toBe('a');
      await sut().releaseLease('projector', 'a');
      expect(await sut().leaseHolder('projector')).toBeNull();
      expect(await sut().acquireLease('projector', 'b', 60_000)).toBe(true);
    }, timeout);

    it('a commit that requires the lease writes only while its owner holds it; else it fails and writes nothing', async () => {
      expect(await sut().acquireLease('projector', 'a', 60_000)).toBe(true);
      const batch = (owner: string, n: number) =>
        sut().transaction(async (uow) => {
          uow.requireLease!('projector', owner);
          uow.put(VIEWS, 'r1', { n }, { indexes: { workshopId: 'w1' } });
          uow.setCheckpoint('main', { position: BigInt(n), versions: { registrations: 1 } });
        });

      await batch('a', 1);
      const refused = await rejection(batch('b', 2));
      expect(refused).toBeInstanceOf(LeaseLostError);
      expect(refused).toMatchObject({ code: 'READ.LEASE_LOST', lease: 'projector', owner: 'b' });
      expect(await sut().get(VIEWS, 'r1')).toEqual({ n: 1 });
      expect((await sut().list(VIEWS, { where: { index: 'workshopId', value: 'w1' }, limit: 10 })).items).toHaveLength(1);
      expect(await sut().checkpoint('main')).toEqual({ position: 1n, versions: { registrations: 1 } });
      // Not held by anybody (given up): nobody's fenced commit writes.
      await sut().releaseLease('projector', 'a');
      expect(await rejection(batch('a', 3))).toBeInstanceOf(LeaseLostError);
      expect(await sut().get(VIEWS, 'r1')).toEqual({ n: 1 });
    }, timeout);

    it('a holder whose term ran out and was taken over cannot write its batch; the new holder can', async () => {
      expect(await sut().acquireLease('projector', 'a', 300)).toBe(true);
      await sleep(500);
      // Lapsed, not yet taken: still refused (the term is the only proof a stalled holder is not writing).
      const write = (owner: string, doc: Record<string, unknown>) =>
        sut().transaction(async (uow) => {
          uow.requireLease!('projector', owner);
          uow.put(VIEWS, 'r1', doc);
          uow.setCheckpoint('main', { position: 5n, versions: {} });
        });
      expect(await rejection(write('a', { by: 'a' }))).toBeInstanceOf(LeaseLostError);
      expect(await sut().acquireLease('projector', 'b', 60_000)).toBe(true);
      expect(await rejection(write('a', { by: 'a' }))).toBeInstanceOf(LeaseLostError);
      expect(await sut().get(VIEWS, 'r1')).toBeNull();
      expect(await sut().checkpoint('main')).toBeNull();
      await write('b', { by: 'b' });
      expect(await sut().get(VIEWS, 'r1')).toEqual({ by: 'b' });
    }, timeout);
  });
}
