import { emptyWaitlist, headOfWaitlist, joinWaitlist, leaveWaitlist, type Waitlist } from './waitlist';

const joined = (ids: string[], from: Waitlist = emptyWaitlist()): Waitlist => ids.reduce(joinWaitlist, from);

describe('Waitlist', () => {
  it('keeps first come first served through promotions and cancellations anywhere in the line', () => {
    let line = joined(['a', 'b', 'c', 'd', 'e']);
    expect(headOfWaitlist(line, 2)).toEqual(['a', 'b']);
    line = leaveWaitlist(line, 'a'); // promoted
    line = leaveWaitlist(line, 'c'); // cancelled from the middle
    line = joinWaitlist(line, 'f');
    expect(line.length).toBe(4);
    expect(headOfWaitlist(line, 10)).toEqual(['b', 'd', 'e', 'f']);
    line = leaveWaitlist(line, 'b');
    expect(headOfWaitlist(line, 1)).toEqual(['d']);
    // The head has moved past every place already left.
    expect(line.first).toBe(3);
  });

  it('changes nothing for a registration not in the line or joining twice, and never changes the line it is given', () => {
    const line = joined(['a', 'b']);
    const before = JSON.stringify(line);
    expect(leaveWaitlist(line, 'zz')).toBe(line);
    expect(joinWaitlist(line, 'a')).toBe(line);
    leaveWaitlist(line, 'a');
    joinWaitlist(line, 'c');
    expect(JSON.stringify(line)).toBe(before);
  });

  it('survives a JSON round trip (state is cached as JSON)', () => {
    const line = JSON.parse(JSON.stringify(leaveWaitlist(joined(['a', 'b', 'c']), 'a'))) as Waitlist;
    expect(headOfWaitlist(leaveWaitlist(line, 'b'), 5)).toEqual(['c']);
  });

  it('empties and fills again', () => {
    let line = joined(['a', 'b']);
    line = leaveWaitlist(leaveWaitlist(line, 'b'), 'a');
    expect(line).toMatchObject({ length: 0, first: line.next });
    expect(headOfWaitlist(joined(['c'], line), 3)).toEqual(['c']);
  });
});
