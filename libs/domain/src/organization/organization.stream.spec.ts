import { organizationStream, parseOrganizationStream } from './organization.stream';

describe('organization stream names', () => {
  const sut = parseOrganizationStream;

  it('round-trips an id', () => {
    expect(organizationStream('o-1')).toBe('organization-o-1');
    expect(sut(organizationStream('o-1'))).toBe('o-1');
  });

  it('does not claim other streams', () => {
    expect(sut('person-o-1')).toBeNull();
    expect(sut('organization-')).toBeNull();
  });
});
