import { DomainError } from './domain-error';
import { fieldChecks } from './field-checks';
import { INTEGER } from './rules';

const CODE = 'THING.INVALID_FIELD';

/** The refusal a check throws, or undefined when it passes. */
function refusal(check: () => unknown): DomainError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('fieldChecks', () => {
  const sut = fieldChecks(CODE);

  it('refuses as a validation error with the code, naming the field, what it expects and what it got', () => {
    const error = refusal(() => sut.date('30.6.2024', 'paidOn'));

    expect(error).toMatchObject({
      code: CODE,
      kind: 'validation',
      message: 'paidOn must be an ISO date YYYY-MM-DD',
      details: { field: 'paidOn', expected: 'an ISO date YYYY-MM-DD', value: '30.6.2024' },
    });
  });

  it('gives a kind of check a code of its own when asked, and the common code to the others', () => {
    const chain = fieldChecks('CHAIN.BLANK_FIELD', { date: 'CHAIN.INVALID_DATE' });

    expect(refusal(() => chain.date('2023-02-29', 'periodEnd'))?.code).toBe('CHAIN.INVALID_DATE');
    expect(refusal(() => chain.text(' ', 'name'))?.code).toBe('CHAIN.BLANK_FIELD');
  });

  it('gives back the value it checked', () => {
    expect(sut.text('Rauma', 'venue')).toBe('Rauma');
    expect(sut.date('2023-04-19', 'heldOn')).toBe('2023-04-19');
    expect(sut.idOrNull(null, 'chainId')).toBeNull();
    expect(sut.oneOf('open', ['open', 'invitation-only'] as const, 'access')).toBe('open');
    expect(sut.cents(64_000, 'amountCents')).toBe(64_000);
  });

  const cases: Array<[string, (value: unknown) => unknown, unknown[], unknown[]]> = [
    ['text', (v) => sut.text(v, 'f'), ['x', ' Kemi '], ['', '  ', null, 7]],
    ['anyText', (v) => sut.anyText(v, 'f'), ['', 'notes'], [null, undefined, 0]],
    ['textOrNull', (v) => sut.textOrNull(v, 'f'), [null, '', 'comment'], [undefined, 1]],
    ['nonBlankOrNull', (v) => sut.nonBlankOrNull(v, 'f'), [null, 'Rauma'], ['', ' ', undefined]],
    ['idOrNull', (v) => sut.idOrNull(v, 'f'), [null, 'a1'], ['', undefined]],
    ['boolean', (v) => sut.boolean(v, 'f'), [true, false], ['true', 0, null]],
    ['oneOf', (v) => sut.oneOf(v, ['a', 'b'], 'f'), ['a', 'b'], ['c', 'A', null]],
    ['date', (v) => sut.date(v, 'f'), ['2024-02-29'], ['2023-02-29', '2023-04-19T10:00Z', '19.4.2023', null]],
    ['dateTime', (v) => sut.dateTime(v, 'f'), ['2023-04-19T10:00:00+03:00', '2023-04-19T07:00Z'], ['2023-04-19T10:00:00', '2023-02-30T10:00Z', '2023-04-19', '2023-04-19T24:00Z']],
    ['dateOrDateTime', (v) => sut.dateOrDateTime(v, 'f'), ['2023-06-28', '2023-06-14T17:00:00+03:00'], ['2023-06-14T17:00:00', '2023-W24', '']],
    ['strings (any)', (v) => sut.strings(v, 'f', false), [[], ['', 'x']], [null, 'x', [1]]],
    ['strings (non-blank)', (v) => sut.strings(v, 'f', true), [[], ['x']], [[''], [' '], null]],
    ['integer (rating)', (v) => sut.integer(v, INTEGER.RATING, 'f'), [1, 5], [0, 6, 4.5, '4']],
    ['cents', (v) => sut.cents(v, 'f'), [0, 100_000_000], [-1, 0.5, 100_000_001, Number.NaN]],
    ['businessId', (v) => sut.businessId(v, 'f'), ['0201256-6', '2345678-0'], ['0201256-5', '201256-6', null]],
    ['webAddress', (v) => sut.webAddress(v, 'f'), ['https://www.rauma.fi'], ['www.rauma.fi', 'ftp://rauma.fi', null]],
  ];

  it.each(cases)('%s: passes the good values and refuses the bad ones', (_name, check, good, bad) => {
    for (const value of good) expect(refusal(() => check(value))).toBeUndefined();
    for (const value of bad) expect(refusal(() => check(value))).toMatchObject({ code: CODE, details: { field: 'f', value } });
  });

  describe('control characters (issue 16), so the CLI and the seed cannot store what the API refuses', () => {
    it.each([
      ['text', (v: string) => sut.text(v, 'name')],
      ['anyText', (v: string) => sut.anyText(v, 'name')],
      ['textOrNull', (v: string) => sut.textOrNull(v, 'name')],
      ['nonBlankOrNull', (v: string) => sut.nonBlankOrNull(v, 'location.venue')],
      ['strings', (v: string) => sut.strings(['ok', v], 'targetGroups', true)],
    ])('%s refuses a control character in a one-line field, naming the field and the rule', (_, check) => {
      const error = refusal(() => check("Harmless Oy\r=cmd|' /C calc'!A0"));

      expect(error).toMatchObject({ code: CODE, kind: 'validation', details: { expected: 'free of control characters' } });
      expect(error?.message).toMatch(/^(name|location\.venue|targetGroups\[1\]) must be free of control characters$/);
    });

    it('lets a multi-line field keep LF and CRLF, but not a bare CR or other controls', () => {
      expect(sut.anyText('Kahvit\r\nja pulla\n', 'description')).toBe('Kahvit\r\nja pulla\n');
      expect(sut.strings(['Miksi?\nKuka?'], 'advanceQuestions', true)).toEqual(['Miksi?\nKuka?']);
      expect(refusal(() => sut.text('a\rb', 'summary'))?.message).toBe('summary must be free of control characters other than line breaks (LF or CRLF)');
      expect(refusal(() => sut.text('a\u0000b', 'details.notes'))?.details).toMatchObject({ field: 'details.notes' });
      expect(refusal(() => sut.text('two\nlines', 'title'))?.message).toBe('title must be free of control characters');
    });

    it('refuses with a code of its own when given one', () => {
      expect(refusal(() => fieldChecks(CODE, { controlCharacters: 'THING.CONTROL_CHARACTER' }).text('a\u0000', 'name'))?.code).toBe('THING.CONTROL_CHARACTER');
    });
  });
});
