import { KurrentDbEventStorage } from '../kurrentdb/kurrentdb-event-storage';
import { eventStoreContract } from './event-store.contract';

const url = process.env.KURRENTDB_URL;

if (!url) {
  console.warn(
    'KurrentDB contract suite SKIPPED: KURRENTDB_URL is not set (no KurrentDB server on this machine). ' +
      'Set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false to run it against docker/compose.yaml from the host: a single-host ' +
      'kurrentdb:// URL talks to that node directly (no gossip discovery, which would hand back the container-internal address; ' +
      'kurrentdb+discover:// is for a cluster reachable under its advertised names), tls=false matches the insecure node.',
  );
}

// Every contract test uses fresh random stream names, so a shared server serves any number of runs.
eventStoreContract(
  'kurrentdb',
  async () => {
    let current = new KurrentDbEventStorage({ connectionString: url! });
    const others: KurrentDbEventStorage[] = [];
    return {
      storage: current,
      async reopen() {
        await current.close();
        current = new KurrentDbEventStorage({ connectionString: url! });
        return current;
      },
      // Another client with its own connection: all that two processes share is the server.
      async openAnother() {
        const other = new KurrentDbEventStorage({ connectionString: url! });
        others.push(other);
        return other;
      },
      async cleanup() {
        for (const other of others) await other.close();
        await current.close();
      },
    };
  },
  { skip: !url },
);

// Runs without a server: the adapter refuses a malformed connection string at once, with the client's own message.
describe('KurrentDbEventStorage configuration', () => {
  it('refuses a connection string that is not a kurrentdb:// URL', () => {
    expect(() => new KurrentDbEventStorage({ connectionString: 'localhost:2113' })).toThrow(/kurrentdb:\/\//);
  });
});
