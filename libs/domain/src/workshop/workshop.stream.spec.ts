import { parseWorkshopStream, workshopStream } from './workshop.stream';

describe('workshop stream names', () => {
  it('round-trips an id', () => {
    const sut = parseWorkshopStream;
    expect(workshopStream('3f2a-9c')).toBe('workshop-3f2a-9c');
    expect(sut(workshopStream('3f2a-9c'))).toBe('3f2a-9c');
  });

  it('does not claim other streams', () => {
    const sut = parseWorkshopStream;
    expect(sut('chain-3f2a')).toBeNull();
    expect(sut('workshop-')).toBeNull();
  });
});
