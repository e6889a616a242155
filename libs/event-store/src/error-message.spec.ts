import { runInNewContext } from 'node:vm';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('reads the message of an error from another realm, which instanceof Error does not recognise', () => {
    const foreign = runInNewContext('new Error("database is locked")') as unknown;

    expect(foreign instanceof Error).toBe(false);
    expect(errorMessage(foreign)).toBe('database is locked');
  });

  it('reads an Error, and turns anything else thrown into text', () => {
    expect(errorMessage(new RangeError('out of range'))).toBe('out of range');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage({ message: 42 })).toBe('[object Object]');
  });
});
