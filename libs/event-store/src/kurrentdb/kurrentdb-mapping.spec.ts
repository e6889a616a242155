import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../event-store.port';
import { toPortError, toStreamState } from './kurrentdb-mapping';

// The mapping between the port and the KurrentDB client is pure and testable without a server;
// the adapter's behaviour against a server is proven by the contract suite when KURRENTDB_URL is set.
describe('KurrentDB adapter mapping', () => {
  it.each([
    ['no-stream', NO_STREAM],
    ['exists', STREAM_EXISTS],
    ['any', ANY],
    [0, 0n],
    [41, 41n],
  ] as const)('maps expected revision %p to streamState %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });

  it("maps the client's WrongExpectedVersionError to the port's error, with the actual revision", () => {
    const clientError = new WrongExpectedVersionError(undefined, { streamName: 'workshop-1', expected: 3n, current: 7n });

    const sut = toPortError(clientError, 'workshop-1', 3);

    expect(sut).toBeInstanceOf(WrongExpectedRevisionError);
    expect(sut).toMatchObject({ stream: 'workshop-1', expected: 3, actual: 7 });
  });

  it('maps a missing stream to actual "no-stream"', () => {
    const clientError = new WrongExpectedVersionError(undefined, { streamName: 'workshop-1', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(toPortError(clientError, 'workshop-1', 'exists')).toMatchObject({ actual: 'no-stream' });
  });

  it('passes any other error through unchanged', () => {
    const other = new Error('connection refused');
    expect(toPortError(other, 'workshop-1', 'any')).toBe(other);
  });
});
