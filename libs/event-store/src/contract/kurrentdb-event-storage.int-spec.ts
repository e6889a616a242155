import { KurrentDbEventStorage } from '../kurrentdb/kurrentdb-event-storage';
import { eventStoreContract } from './event-store.contract';

const url = process.env.KURRENTDB_URL;

if (!url) {
  console.warn(
    'KurrentDB contract suite SKIPPED: KURRENTDB_URL is not set (no KurrentDB server on this machine). ' +
      'Set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false to run it.',
  );
}

// Every contract test uses fresh random stream names, so a shared server serves any number of runs.
eventStoreContract(
  'kurrentdb',
  async () => {
    let current = new KurrentDbEventStorage({ connectionString: url! });
    return {
      storage: current,
      async reopen() {
        await current.close();
        current = new KurrentDbEventStorage({ connectionString: url! });
        return current;
      },
      async cleanup() {
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
