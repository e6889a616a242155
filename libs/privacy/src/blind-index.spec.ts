import { createHmac, randomBytes } from 'node:crypto';
import { BlindIndex, normaliseEmail } from './blind-index';
import { InvalidSecretError } from './privacy.errors';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Anna@Example.FI \t')).toBe('anna@example.fi');
  });

  it('composes Unicode to NFC', () => {
    const decomposed = 'Ma\u0308tta\u0308@example.fi'; // a + combining diaeresis
    expect(normaliseEmail(decomposed)).toBe('m\u00e4tt\u00e4@example.fi');
  });

  it('keeps plus-addressing and dots as they are', () => {
    expect(normaliseEmail('Anna.V+Kuhina@example.fi')).toBe('anna.v+kuhina@example.fi');
  });

  it('rejects an empty address without echoing it', () => {
    expect(() => normaliseEmail('   ')).toThrow('must not be empty');
  });
});

describe('BlindIndex', () => {
  const secret = randomBytes(32);
  const sut = new BlindIndex(secret);

  it('gives the same token for the same address however it was typed', () => {
    expect(sut.email(' Anna@Example.FI ')).toBe(sut.email('anna@example.fi'));
  });

  it('is HMAC-SHA256 over "email:" + the normalised address, in hex', () => {
    const expected = createHmac('sha256', secret).update('email:anna@example.fi').digest('hex');

    expect(sut.email(' Anna@Example.FI ')).toBe(expected);
    expect(sut.email('anna@example.fi')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives another token with another secret', () => {
    const other = new BlindIndex(randomBytes(32));

    expect(other.email('anna@example.fi')).not.toBe(sut.email('anna@example.fi'));
  });

  it('tells different addresses apart, including sub-addresses', () => {
    expect(sut.email('anna+kuhina@example.fi')).not.toBe(sut.email('anna@example.fi'));
    expect(sut.email('anna@example.com')).not.toBe(sut.email('anna@example.fi'));
  });

  it('does not contain the address', () => {
    const token = sut.email('anna@example.fi');

    expect(token).not.toContain('anna');
    expect(token).not.toContain(Buffer.from('anna@example.fi').toString('hex'));
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new BlindIndex(randomBytes(16))).toThrow(InvalidSecretError);
    expect(() => new BlindIndex(Buffer.alloc(0))).toThrow(/at least 32 bytes/);
  });

  it('keeps its own copy of the secret', () => {
    const mutable = randomBytes(32);
    const index = new BlindIndex(mutable);
    const before = index.email('anna@example.fi');

    mutable.fill(0);

    expect(index.email('anna@example.fi')).toBe(before);
  });
});
