import { RUNNING, STOPPED, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { streamsFromProjection } from './kurrentdb-reads';

// The decision `audit verify` rests on in `auto` mode, against the client's documented projection status (the
// `projectionStatus` of getProjectionStatus, one of the client's constants): not a server, only our use of its answer.
type Client = Pick<KurrentDBClient, 'readStream' | 'getProjectionStatus'>;

function client(status: string | Error, names: string[]): Client & { reads: number } {
  const stub = {
    reads: 0,
    getProjectionStatus: async () => {
      if (status instanceof Error) throw status;
      return { projectionStatus: status } as never;
    },
    readStream: ((..._args: unknown[]) => {
      stub.reads++;
      return (async function* () {
        for (const name of names) yield { event: { data: `0@${name}` } };
      })();
    }) as never,
  };
  return stub;
}

describe('streamsFromProjection', () => {
  it('lists the names of a running $streams projection, leaving out system streams', async () => {
    expect(await streamsFromProjection(client(RUNNING, ['workshop-1', '$kuhina-id-x', 'person-2']))).toEqual(['workshop-1', 'person-2']);
  });

  it('does not trust a stopped projection (its stream is frozen where it stopped): null, so the caller scans $all', async () => {
    const stopped = client(STOPPED, ['workshop-1']);
    expect(await streamsFromProjection(stopped)).toBeNull();
    expect(stopped.reads).toBe(0);
  });

  it('null when the status cannot be read (projections off, no permission)', async () => {
    expect(await streamsFromProjection(client(new Error('projections subsystem not started'), ['workshop-1']))).toBeNull();
  });
});
