import { ANY, MaxAppendSizeExceededError, NO_STREAM, STREAM_EXISTS, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError, jsonEvent } from '@kurrent/kurrentdb-client';
import { AppendTooLargeError, DeletedStreamError, WrongExpectedRevisionError } from '../event-store.port';
import { MAX_APPEND_BYTES, appendBytes, isDeletedStreamError, toPortError, toStreamState } from './kurrentdb-mapping';

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

  it("maps the client's StreamDeletedError (a tombstoned stream) to DeletedStreamError, and knows it on reads", () => {
    const clientError = StreamDeletedError.fromStreamName('workshop-1');

    expect(isDeletedStreamError(clientError)).toBe(true);
    expect(isDeletedStreamError(new StreamNotFoundError(undefined, 'workshop-1'))).toBe(false);
    const sut = toPortError(clientError, 'workshop-1', 3);
    expect(sut).toBeInstanceOf(DeletedStreamError);
    expect(sut).toMatchObject({ stream: 'workshop-1', how: 'tombstoned', code: 'STREAM.DELETED' });
  });

  it("maps the server's MaxAppendSizeExceededError to AppendTooLargeError naming both sizes", () => {
    const sut = toPortError(MaxAppendSizeExceededError.fromMaxAppendSize(524288), 'person-1', 'any', 600000);

    expect(sut).toBeInstanceOf(AppendTooLargeError);
    expect(sut).toMatchObject({ stream: 'person-1', bytes: 600000, limitBytes: 524288, code: 'STREAM.APPEND_TOO_LARGE' });
    expect((sut as Error).message).toContain('600000 bytes');
  });

  it("counts an append's bytes as the server does, over data and metadata, erring high", () => {
    const small = jsonEvent({ id: '2f1c1d9e-8d7c-4a8e-9f57-2a0e5f6b7c10', type: 'Noted', data: { text: 'ä' }, metadata: { actor: 'cli' } });
    const large = jsonEvent({ type: 'Noted', data: { text: 'x'.repeat(MAX_APPEND_BYTES) } });

    // JSON bodies in UTF-8 ('ä' is two bytes), plus the type and the id.
    expect(appendBytes([small])).toBe(Buffer.byteLength('{"text":"ä"}') + Buffer.byteLength('{"actor":"cli"}') + 'Noted'.length + 36);
    expect(appendBytes([large])).toBeGreaterThan(MAX_APPEND_BYTES);
  });
});
