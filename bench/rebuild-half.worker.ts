/**
 * Child of rebuild.bench, two at once: rebuilds one half of the projections (`first`: the workshop-chain index, the
 * chain, the chain and organisation lists; `second`: the others, with their own copy of the index they route through)
 * from the log into a views file of its own, and prints its time. Run side by side, the two halves measure what a
 * rebuild spread over two processes could reach on this machine at best: each reads the log, nothing merges the files.
 */
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage } from '@kuhina/event-store';
import { PROJECTIONS, Projector, SqliteReadStore } from '@kuhina/read-model';

/** The workshop-chain side; the other half takes the rest, and a copy of the index it routes workshop events through. */
const FIRST = ['workshop-chain-index', 'workshop-chain', 'chain-list', 'organization-list'];

async function main(dir: string, half: string, viewsFile: string): Promise<void> {
  const first = PROJECTIONS.filter((projection) => FIRST.includes(projection.name));
  const second = PROJECTIONS.filter((projection) => projection.name === FIRST[0] || !FIRST.includes(projection.name));
  if (first.length !== FIRST.length) throw new Error(`the first half is ${FIRST.join(', ')}; PROJECTIONS has ${first.length} of them`);
  const projections = half === 'first' ? first : half === 'second' ? second : null;
  if (projections === null) throw new Error(`half must be first or second, got ${half}`);
  const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const views = new SqliteReadStore({ file: viewsFile });
  const start = performance.now();
  const handled = await new Projector(new ChainedEventStore(storage), views, { projections, batchSize: 20_000, pageSize: 1000 }).catchUp();
  const seconds = (performance.now() - start) / 1000;
  await views.close();
  await storage.close();
  console.log(JSON.stringify({ half, handled, seconds }));
}

main(process.argv[2]!, process.argv[3]!, process.argv[4]!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
