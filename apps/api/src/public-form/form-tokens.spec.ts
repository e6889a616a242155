import { randomBytes, randomUUID } from 'node:crypto';
import { FormTokens } from './form-tokens';

describe('FormTokens', () => {
  const tokens = new FormTokens(randomBytes(32));
  const workshopId = randomUUID();
  const id = randomUUID();

  it('opens what it signed, for the same purpose only', () => {
    const link = tokens.formLink(workshopId, id);
    expect(link).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(tokens.open('form-link', link)).toEqual({ workshopId, id });
    expect(tokens.open('cancel', link)).toBeNull();
    expect(tokens.open('invitation', link)).toBeNull();
    expect(tokens.open('cancel', tokens.cancel(workshopId, id))).toEqual({ workshopId, id });
  });

  it('refuses an altered token, another installation\'s and junk', () => {
    const link = tokens.formLink(workshopId, id);
    const altered = (link[10] === 'A' ? 'B' : 'A').padStart(11, link.slice(0, 10));
    expect(tokens.open('form-link', `${altered}${link.slice(11)}`)).toBeNull();
    expect(new FormTokens(randomBytes(32)).open('form-link', link)).toBeNull();
    for (const junk of ['', 'x', link.slice(1), `${link}A`, 42, null, '../../etc/passwd'.padEnd(64, 'a')]) expect(tokens.open('form-link', junk)).toBeNull();
  });

  it('names one registration per cancel link: another id gives another token', () => {
    expect(tokens.cancel(workshopId, id)).not.toBe(tokens.cancel(workshopId, randomUUID()));
  });
});
