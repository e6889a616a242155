import { ChainIntegrity } from '@kuhina/event-store';
import { integrityHealth } from './integrity.health';

describe('integrityHealth (the integrity entry of /health)', () => {
  const done = { state: 'done' as const, startedAt: '2026-12-06T12:00:00.000Z', ms: 14, events: 1040, hashed: 1040, streams: 332, breaks: 0, seal: null };

  it('is up while nothing is known broken, and says how far the start-up check got', () => {
    expect(integrityHealth(new ChainIntegrity(), done)).toEqual({ status: 'up', breaks: [], sealMismatch: null, startUpCheck: done });
    expect(integrityHealth(new ChainIntegrity(), null).startUpCheck).toEqual({ state: 'off' });
  });

  it('is down once the projector found a break, naming the stream, revision and event in the message and in the breaks', () => {
    const integrity = new ChainIntegrity(() => new Date('2026-12-06T12:01:00.000Z'));
    integrity.report({ stream: 'workshop-7', revision: 3, eventId: 'e-3', expectedHash: 'a'.repeat(64), foundHash: 'b'.repeat(64), problem: 'hash-mismatch' }, 'projector');

    const sut = integrityHealth(integrity, done);

    expect(sut.status).toBe('down');
    expect(sut.message).toContain('stream workshop-7 at revision 3 (event e-3, hash-mismatch)');
    expect(sut.breaks).toEqual([{ stream: 'workshop-7', revision: 3, eventId: 'e-3', expectedHash: 'a'.repeat(64), foundHash: 'b'.repeat(64), problem: 'hash-mismatch', detectedBy: 'projector', detectedAt: '2026-12-06T12:01:00.000Z' }]);
  });

  it('is down when the last seal no longer matches, though no stream can be named', () => {
    const integrity = new ChainIntegrity();
    integrity.reportSeal({ id: 's-1', position: '1040', root: 'c'.repeat(64), recomputedRoot: 'd'.repeat(64), detectedBy: 'start-up' });

    const sut = integrityHealth(integrity, done);

    expect(sut).toMatchObject({ status: 'down', breaks: [], sealMismatch: { id: 's-1', position: '1040', recomputedRoot: 'd'.repeat(64) } });
    expect(sut.message).toContain('the seal s-1 at position 1040 no longer matches the log');
  });

  it("names a person's or staff member's broken stream by its kind only: /health is public, a person id is not", () => {
    const integrity = new ChainIntegrity();
    const personId = '4f9c2d1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f';
    integrity.report({ stream: `person-${personId}`, revision: 0, eventId: 'e-0', expectedHash: 'a'.repeat(64), foundHash: 'b'.repeat(64), problem: 'hash-mismatch' }, 'start-up');
    integrity.report({ stream: `staff-${personId}`, revision: 1, eventId: 'e-1', expectedHash: 'a'.repeat(64), foundHash: 'b'.repeat(64), problem: 'hash-mismatch' }, 'start-up');

    const sut = integrityHealth(integrity, done);

    expect(JSON.stringify(sut)).not.toContain(personId);
    expect(sut.breaks.map((found) => [found.stream, found.eventId])).toEqual([
      ['person-(id withheld)', 'e-0'],
      ['staff-(id withheld)', 'e-1'],
    ]);
    expect(sut.message).toContain('stream person-(id withheld) at revision 0 (event e-0, hash-mismatch)');
  });
});
