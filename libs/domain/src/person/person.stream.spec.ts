import { emailClaimStream, parseEmailClaimStream } from './email-claim.stream';
import { parsePersonStream, personStream } from './person.stream';

describe('person stream names', () => {
  it('round-trips a person id', () => {
    const sut = parsePersonStream;
    expect(personStream('p-1')).toBe('person-p-1');
    expect(sut(personStream('p-1'))).toBe('p-1');
  });

  it('does not take an e-mail reservation for a person', () => {
    const sut = parsePersonStream;
    expect(sut(emailClaimStream('abc123'))).toBeNull();
    expect(sut('organization-p-1')).toBeNull();
  });

  it('round-trips a blind index and ignores person streams', () => {
    const sut = parseEmailClaimStream;
    expect(emailClaimStream('abc123')).toBe('emailclaim-abc123');
    expect(sut(emailClaimStream('abc123'))).toBe('abc123');
    expect(sut(personStream('p-1'))).toBeNull();
  });
});
