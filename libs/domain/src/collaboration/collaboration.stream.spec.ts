import { collaborationStream, parseCollaborationStream } from './collaboration.stream';

describe('collaboration stream names', () => {
  const sut = parseCollaborationStream;

  it('round-trips an id', () => {
    expect(collaborationStream('k-1')).toBe('collaboration-k-1');
    expect(sut(collaborationStream('k-1'))).toBe('k-1');
  });

  it('does not claim other streams', () => {
    expect(sut('chain-k-1')).toBeNull();
    expect(sut('collaboration-')).toBeNull();
  });
});
