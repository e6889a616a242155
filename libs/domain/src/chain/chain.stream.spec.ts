import { chainStream, parseChainStream } from './chain.stream';

describe('chain stream names', () => {
  it('round-trips an id', () => {
    const sut = parseChainStream;
    expect(chainStream('abc-123')).toBe('chain-abc-123');
    expect(sut(chainStream('abc-123'))).toBe('abc-123');
  });

  it('does not claim other streams', () => {
    const sut = parseChainStream;
    expect(sut('workshop-abc')).toBeNull();
    expect(sut('chain-')).toBeNull();
  });
});
