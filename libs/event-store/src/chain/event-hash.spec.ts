import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { hashEvent, type HashedEventFields } from './event-hash';

const event: HashedEventFields = {
  id: '0b6f4a8e-3c1d-4f7a-9a52-0d8c7e1f2a3b',
  stream: 'workshop-1',
  revision: 0,
  type: 'WorkshopPlanned',
  data: { title: 'Futures workshop', capacity: 40 },
  metadata: {
    occurredAt: '2023-04-12T09:00:00.000Z',
    recordedAt: '2023-04-12T09:00:01.000Z',
    actor: 'seed',
    correlationId: 'c-1',
    causationId: null,
    schemaVersion: 1,
  },
  prevHash: null,
};

describe('hashEvent', () => {
  const sut = hashEvent;

  it('is the SHA-256 hex of the canonical JSON of exactly the seven fields', () => {
    // Written by hand: sorted keys at every level, no whitespace.
    const canonical =
      '{"data":{"capacity":40,"title":"Futures workshop"},"id":"0b6f4a8e-3c1d-4f7a-9a52-0d8c7e1f2a3b",' +
      '"metadata":{"actor":"seed","causationId":null,"correlationId":"c-1","occurredAt":"2023-04-12T09:00:00.000Z",' +
      '"recordedAt":"2023-04-12T09:00:01.000Z","schemaVersion":1},"prevHash":null,"revision":0,"stream":"workshop-1","type":"WorkshopPlanned"}';
    expect(sut(event)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(sut(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  // The top level is written directly (fast path); it must stay the general writer's text for any shape.
  it.each<[string, Partial<HashedEventFields>]>([
    ['a usual event', {}],
    ['a previous hash, odd characters and integer-like keys', { prevHash: 'b'.repeat(64), stream: 'työpaja-"1"\u2028', data: { 10: 'x', 9: [1.5e-7, -0, { z: null, a: 'ä' }], b: true } }],
    ['a missing prevHash (general writer)', { prevHash: undefined as unknown as null }],
    ['a revision that is not a number (general writer)', { revision: '3' as unknown as number }],
  ])('hashes exactly the canonical JSON of the seven fields: %s', (_label, change) => {
    const fields = { ...event, ...change };
    const { id, stream, revision, type, data, metadata, prevHash } = fields;
    expect(sut(fields)).toBe(createHash('sha256').update(canonicalJson({ id, stream, revision, type, data, metadata, prevHash }), 'utf8').digest('hex'));
  });

  it('ignores fields outside the chain (hash, position)', () => {
    const recorded = { ...event, hash: 'whatever', position: 42n };
    expect(sut(recorded)).toBe(sut(event));
  });

  it('does not depend on key order inside data and metadata', () => {
    const reordered = { ...event, data: { capacity: 40, title: 'Futures workshop' }, metadata: { ...event.metadata, schemaVersion: 1, actor: 'seed' } };
    expect(sut(reordered)).toBe(sut(event));
  });

  it.each<[string, Partial<HashedEventFields>]>([
    ['id', { id: '0b6f4a8e-3c1d-4f7a-9a52-0d8c7e1f2a3c' }],
    ['stream', { stream: 'workshop-2' }],
    ['revision', { revision: 1 }],
    ['type', { type: 'WorkshopCancelled' }],
    ['data', { data: { title: 'Futures workshop', capacity: 41 } }],
    ['metadata', { metadata: { ...event.metadata, actor: 'someone-else' } }],
    ['prevHash', { prevHash: 'a'.repeat(64) }],
  ])('changes when %s changes', (_field, change) => {
    expect(sut({ ...event, ...change })).not.toBe(sut(event));
  });
});
