import fc from 'fast-check';
import {
  BUSINESS_ID,
  CONTROL_CHARACTERS,
  INTEGER,
  ISO_DATE,
  ISO_DATE_OR_DATE_TIME,
  ISO_DATE_TIME,
  LIST,
  PHONE,
  TEXT,
  holdsNoControlCharacters,
  holdsNoPersonalData,
  isCents,
  isNonBlank,
  isPhoneNumber,
  isWebAddress,
  isWithin,
} from './rules';

describe('shared validation rules', () => {
  describe('PHONE (one rule for a person registered alone and with a workshop)', () => {
    it.each(['+358 40 123 4567', '040 123 4567', '040-1234567', '09 310 1691', '+1 (555) 010-9999', '12345', `+${'1'.repeat(39)}`])('accepts %j', (value) => {
      expect(isPhoneNumber(value)).toBe(true);
    });

    it.each([
      ['1234', 'too short'],
      ['+123', 'too short'],
      ['1'.repeat(41), 'too long'],
      ['', 'empty'],
      ['+', 'no digit'],
      [' 040 123 4567', 'leading space'],
      ['-040 123 4567', 'starts with a hyphen'],
      ['040 123 4567 ext. 5', 'letters'],
      ['+358 +40 123', 'a + inside'],
      ['040/123 4567', 'a slash'],
      ['(09) 310 1691', 'starts with a parenthesis: the first character is a digit or the +'],
      [358401234567, 'a number, not text'],
      [null, 'null'],
    ] as Array<[unknown, string]>)('refuses %j (%s)', (value) => {
      expect(isPhoneNumber(value)).toBe(false);
    });

    it('says its limits and its pattern once', () => {
      expect([PHONE.minLength, PHONE.maxLength]).toEqual([5, 40]);
      expect(PHONE.pattern.test('+358 (0)40 123-4567')).toBe(true);
    });
  });

  describe('ISO dates and date-times', () => {
    it('a date is YYYY-MM-DD and nothing more', () => {
      expect(['2023-04-19', '2023-02-30'].map((v) => ISO_DATE.pattern.test(v))).toEqual([true, true]); // the form only; isIsoDate checks the calendar
      expect(['2023-4-19', '19.4.2023', '2023-04-19T10:00:00Z', '20230419', '2023-W16'].map((v) => ISO_DATE.pattern.test(v))).toEqual([false, false, false, false, false]);
    });

    it.each(['2023-04-19T10:00:00+03:00', '2023-04-19T10:00Z', '2023-04-19T23:59:59.999-05:00', '2023-04-19T00:00:00.5+14:00'])('a date-time with offset: accepts %s', (value) => {
      expect(ISO_DATE_TIME.pattern.test(value)).toBe(true);
      expect(ISO_DATE_OR_DATE_TIME.pattern.test(value)).toBe(true);
    });

    it.each([
      '2023-04-19T10:00:00', // no offset
      '2023-04-19 10:00Z', // space separator
      '2023-04-19T24:00Z', // JavaScript reads it as the next day
      '2023-04-19T10:60Z',
      '2023-04-19T10:00:60Z',
      '2023-04-19T10:00+24:00',
      '2023-05-31T10:15+03', // hour-only offset
      '2023-05-31T10:15:00+0300', // basic offset
      '2023-05-31T10:15:00,5Z', // comma fraction
      '20230531T101500Z', // basic form
      '2023-W22', // week date
      '2023-151', // ordinal date
    ])('a date-time with offset: refuses %s', (value) => {
      expect(ISO_DATE_TIME.pattern.test(value)).toBe(false);
      expect(ISO_DATE_OR_DATE_TIME.pattern.test(value)).toBe(false);
    });

    it('a day or an instant takes a plain date too', () => {
      expect(ISO_DATE_OR_DATE_TIME.pattern.test('2023-06-28')).toBe(true);
      expect(ISO_DATE_TIME.pattern.test('2023-06-28')).toBe(false);
    });
  });

  describe('BUSINESS_ID', () => {
    it('is seven digits, a hyphen and a check digit', () => {
      expect(BUSINESS_ID.pattern.test('0201256-6')).toBe(true);
      expect(['201256-6', '02012566', '0201256-66', 'FI02012566', ' 0201256-6'].some((v) => BUSINESS_ID.pattern.test(v))).toBe(false);
    });
  });

  describe('whole numbers', () => {
    it.each([0, 1, 64_000, 100_000_000])('cents: accepts %p', (value) => {
      expect(isCents(value)).toBe(true);
    });

    it.each([-1, 12.5, 100_000_001, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '100', null])('cents: refuses %p', (value) => {
      expect(isCents(value)).toBe(false);
    });

    it('checks each rule at and just past its bounds', () => {
      for (const rule of Object.values(INTEGER)) {
        expect([rule.min - 1, rule.min, rule.max, rule.max + 1].map((value) => isWithin(rule, value))).toEqual([false, true, true, false]);
      }
      expect(isWithin(INTEGER.RATING, 4.5)).toBe(false);
    });
  });

  describe('texts and lists', () => {
    it('each text rule allows at least one character and at most a few thousand', () => {
      for (const rule of Object.values(TEXT)) {
        expect(rule.minLength).toBeGreaterThanOrEqual(1);
        expect(rule.maxLength).toBeGreaterThan(rule.minLength);
        expect(rule.maxLength).toBeLessThanOrEqual(4000);
      }
      expect([TEXT.NAME.maxLength, TEXT.PLACE.maxLength, TEXT.SUBJECT.maxLength, TEXT.QUESTION.maxLength, TEXT.LONG.maxLength]).toEqual([200, 100, 1000, 2000, 4000]);
      expect(TEXT.ERASURE_REASON).toEqual({ minLength: 3, maxLength: 200 });
    });

    it('each list rule has a sensible size', () => {
      for (const rule of Object.values(LIST)) expect(rule.maxItems).toBeGreaterThanOrEqual(Math.max(rule.minItems, 1));
      expect(LIST.RECIPIENTS.minItems).toBe(1);
      expect(LIST.ATTENDEES).toEqual({ minItems: 1, maxItems: 2000 });
    });

    it('non-blank text has something but spaces', () => {
      expect(['x', ' Rauma '].map(isNonBlank)).toEqual([true, true]);
      expect(['', '   ', '\t\n', null, undefined, 7].map(isNonBlank)).toEqual([false, false, false, false, false, false]);
    });
  });

  describe('web address', () => {
    it.each(['https://www.rauma.fi', 'http://lapinamk.fi/en/?q=1'])('accepts %s', (value) => {
      expect(isWebAddress(value)).toBe(true);
    });

    it.each(['www.rauma.fi', 'ftp://rauma.fi', 'javascript:alert(1)', 'https://', `https://rauma.fi/${'a'.repeat(500)}`, null])('refuses %j', (value) => {
      expect(isWebAddress(value)).toBe(false);
    });
  });

  describe('no personal data', () => {
    it.each(['data subject request (GDPR Art. 17)', 'retention period ended on 2029-12-31', 'asked by phone on 2024-01-02'])('lets %j through', (value) => {
      expect(holdsNoPersonalData(value)).toBe(true);
    });

    it.each(['asked by aino@example.org', 'phoned from +358 40 123 4567', 'henkilötunnus 010185-123A'])('stops %j', (value) => {
      expect(holdsNoPersonalData(value)).toBe(false);
    });
  });

  describe('control characters (issue 16: a bare CR splits a CSV row, NUL vanishes from GEXF)', () => {
    it.each(['Harmless Oy\r=cmd', 'a\u0000b', 'tab\there', 'line\nbreak', 'DEL\u007f', 'C1\u0085', 'CR\r\n', '\u001b[31m'])('refuses %j in a name', (value) => {
      expect(holdsNoControlCharacters(value)).toBe(false);
    });

    it.each(['Line 1\nLine 2', 'Windows\r\nline', '\n'])('allows the line break in %j in a multi-line text', (value) => {
      expect(holdsNoControlCharacters(value, true)).toBe(true);
    });

    it.each(['bare CR\rhere', 'ends in CR\r', 'a\u0000b', 'tab\there', '\u0085'])('refuses %j in a multi-line text', (value) => {
      expect(holdsNoControlCharacters(value, true)).toBe(false);
    });

    it('keeps ordinary text, accents, emoji and non-breaking spaces, and is quick on a long text', () => {
      expect(['Tom & Jerry\'s <"Säätiö"> ö', '=SUM(A1)', 'Åbo\u00a0Akademi', '🙂', ''].every((value) => holdsNoControlCharacters(value))).toBe(true);
      expect(holdsNoControlCharacters(`${'x\r\n'.repeat(50_000)}\r`, true)).toBe(false);
    });

    it('lets only the long free texts run over several lines', () => {
      expect(Object.entries(TEXT).filter(([, rule]) => 'multiline' in rule && rule.multiline).map(([name]) => name)).toEqual(['SUBJECT', 'QUESTION', 'LONG']);
    });
  });
});

describe('CONTROL_CHARACTERS.documented: the OpenAPI pattern says what the check does', () => {
  // Every string over the characters that matter (controls, line breaks, plain letters) decides the same both ways.
  it.each([false, true])('multiline=%s agrees with holdsNoControlCharacters on random strings', (multiline) => {
    const pattern = new RegExp(CONTROL_CHARACTERS.documented[multiline ? 'multiline' : 'singleLine']);
    const alphabet = fc.constantFrom('a', 'ä', ' ', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '=', '"');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => pattern.test(chars.join('')) === holdsNoControlCharacters(chars.join(''), multiline)), { numRuns: 2000 });
  });
});
