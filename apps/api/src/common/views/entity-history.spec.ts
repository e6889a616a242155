import {
  CHAIN_LESSONS_COLLECTION,
  MemoryReadStore,
  PART_OF_ENTITY_INDEX,
  PART_OF_WORKSHOP_INDEX,
  partKey,
  workshopLessonsKey,
  type ChainLessonsChainDocument,
  type ChainLessonsPartDocument,
  type ChainLessonsWorkshopDocument,
} from '@kuhina/read-model';
import { ChainLessonsLookups, historyOf } from './entity-history';
import { ViewReader } from './view-reader';

// The documents written straight into a read store, indexed as the chain-lessons projection indexes them: the order of
// the answer and the paging are this file's own, whatever order the log gave the facts in.
describe('historyOf', () => {
  let store: MemoryReadStore;
  let views: ViewReader;
  const entity = 'o:0a000000-0000-4000-8000-000000000001';
  const chain2023 = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const chain2024 = '6c3f1d2f-8b5e-4f9c-8d4b-2e3f4a516273';
  const chainDoc = (chainId: string, year: number): ChainLessonsChainDocument => ({
    kind: 'chain',
    chainId,
    name: `Ketju ${year}`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    status: 'active',
    followsChainId: null,
    followedBy: [],
    debrief: null,
    earlierVersions: [],
    lastPosition: '1',
  });
  const workshopDoc = (workshopId: string, chainId: string | null, order: number | null, startsAt: string): ChainLessonsWorkshopDocument => ({
    kind: 'workshop',
    workshopId,
    chainId,
    order,
    title: `Työpaja ${workshopId}`,
    startsAt,
    heldOn: null,
    cancelled: false,
    debrief: null,
    earlierVersions: [],
    lastPosition: '1',
  });
  const partDoc = (workshopId: string, parts: string[], attended = false, of = entity): ChainLessonsPartDocument => ({ kind: 'part', workshopId, entity: of, parts, attended, lastPosition: '1' });

  async function given(docs: Array<ChainLessonsChainDocument | ChainLessonsWorkshopDocument | ChainLessonsPartDocument>): Promise<void> {
    await store.transaction(async (uow) => {
      for (const doc of docs) {
        if (doc.kind === 'chain') uow.put(CHAIN_LESSONS_COLLECTION, doc.chainId, doc);
        else if (doc.kind === 'workshop') uow.put(CHAIN_LESSONS_COLLECTION, workshopLessonsKey(doc.workshopId), doc, doc.chainId === null ? {} : { indexes: { chainId: doc.chainId } });
        else uow.put(CHAIN_LESSONS_COLLECTION, partKey(doc.workshopId, doc.entity), doc, { indexes: { [PART_OF_WORKSHOP_INDEX]: doc.workshopId, [PART_OF_ENTITY_INDEX]: doc.entity } });
      }
    });
  }

  beforeEach(() => {
    store = new MemoryReadStore();
    views = new ViewReader(store);
  });

  it('groups the workshops by chain, chains by period and the workshops in no chain last, each chain in its own order', async () => {
    await given([
      chainDoc(chain2024, 2024),
      chainDoc(chain2023, 2023),
      workshopDoc('w-kemi', chain2024, 0, '2024-05-02T10:00:00.000Z'),
      workshopDoc('w-pori', chain2023, 1, '2023-07-01T10:00:00.000Z'),
      workshopDoc('w-rauma', chain2023, 0, '2023-08-01T10:00:00.000Z'),
      // Planned in the chain but not yet ordered by it: after the ordered ones.
      workshopDoc('w-late', chain2023, null, '2023-06-01T10:00:00.000Z'),
      // An hour earlier than w-late, though later as text: dates are compared as instants.
      workshopDoc('w-early', chain2023, null, '2023-06-01T12:00:00+03:00'),
      workshopDoc('w-alone', null, null, '2023-03-01T10:00:00.000Z'),
      partDoc('w-kemi', ['participant']),
      partDoc('w-pori', ['pledger']),
      partDoc('w-rauma', ['co-organizer', 'participant'], true),
      partDoc('w-late', ['speaker']),
      partDoc('w-early', ['organiser']),
      partDoc('w-alone', ['host']),
      partDoc('w-rauma', ['participant'], true, 'o:somebody-else'),
    ]);

    const history = await historyOf(views, entity);

    expect(history.map((chain) => [chain.chainId, chain.workshops.map((w) => w.workshopId)])).toEqual([
      [chain2023, ['w-rauma', 'w-pori', 'w-early', 'w-late']],
      [chain2024, ['w-kemi']],
      [null, ['w-alone']],
    ]);
    expect(history[0]).toMatchObject({ name: 'Ketju 2023', periodStart: '2023-01-01', periodEnd: '2023-12-31' });
    expect(history[0]!.workshops[0]).toEqual({ workshopId: 'w-rauma', title: 'Työpaja w-rauma', startsAt: '2023-08-01T10:00:00.000Z', order: 0, parts: ['co-organizer', 'participant'], attended: true });
    expect(history[2]).toEqual({ chainId: null, name: null, periodStart: null, periodEnd: null, workshops: [expect.objectContaining({ workshopId: 'w-alone', parts: ['host'] })] });
  });

  it('reads every page of the entity index (the read store gives at most 1000 a page)', async () => {
    const ids = Array.from({ length: 1234 }, (_, i) => `w-${String(i).padStart(4, '0')}`);
    await given([chainDoc(chain2023, 2023), ...ids.map((id, i) => workshopDoc(id, chain2023, i, '2023-05-01T10:00:00.000Z')), ...ids.map((id) => partDoc(id, ['participant']))]);

    const history = await historyOf(views, entity);

    expect(history).toHaveLength(1);
    expect(history[0]!.workshops.map((w) => w.workshopId)).toEqual(ids);
  });

  it('answers no chains for an entity that took part in nothing, and keeps a part whose workshop document is missing', async () => {
    await given([partDoc('w-gone', ['participant'])]);

    expect(await historyOf(views, 'p:b0000000-0000-4000-8000-000000000001')).toEqual([]);
    expect(await historyOf(views, entity)).toEqual([
      { chainId: null, name: null, periodStart: null, periodEnd: null, workshops: [{ workshopId: 'w-gone', title: null, startsAt: null, order: null, parts: ['participant'], attended: false }] },
    ]);
  });

  it('reads each workshop and chain once for every entity asked through the same lookups', async () => {
    await given([chainDoc(chain2023, 2023), workshopDoc('w-rauma', chain2023, 0, '2023-04-19T10:00:00.000Z'), partDoc('w-rauma', ['co-organizer']), partDoc('w-rauma', ['participant'], false, 'p:one')]);
    const get = jest.spyOn(store, 'get');
    const lookups = new ChainLessonsLookups(views);

    await lookups.history(entity);
    await lookups.history('p:one');

    expect(get.mock.calls.map(([, id]) => id).sort()).toEqual([chain2023, workshopLessonsKey('w-rauma')].sort());
  });
});
