import { AppendTooLargeError, DeletedStreamError } from '@kuhina/event-store';
import { toProblem } from './problem-details.filter';

describe('toProblem: refusals of the production event store', () => {
  it('maps an append too large for one atomic write to 413 naming the sizes, and a deleted stream to 410: never a 500', () => {
    const tooLarge = toProblem(new AppendTooLargeError('workshop-1', 1_500_000, 1_048_576), { id: 'r1', url: '/workshops/1/outreach', headers: {} });
    const deleted = toProblem(new DeletedStreamError('workshop-1', 'tombstoned'), { id: 'r2', url: '/workshops/1/registrations', headers: {} });
    expect(tooLarge).toMatchObject({ status: 413, code: 'STREAM.APPEND_TOO_LARGE', bytes: 1_500_000, limitBytes: 1_048_576 });
    expect(deleted).toMatchObject({ status: 410, code: 'STREAM.DELETED' });
  });
});
