import fc from 'fast-check';
import { csvCell, csvDocument } from './csv-cell';
import { hostileText, noFormulaCells, parseCsv, readBack } from './csv-cell.spec-helper';

describe('csvCell', () => {
  it('quotes a cell holding a quote, comma, semicolon, CR or LF, doubling inner quotes', () => {
    expect(['plain', 'a"b', 'a,b', 'a;b', 'a\rb', 'a\nb'].map(csvCell)).toEqual(['plain', '"a""b"', '"a,b"', '"a;b"', '"a\rb"', '"a\nb"']);
  });

  it('neutralises what a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\uFF1D1'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", `"'\r=1"`, "'\uFF1D1"]);
    expect([-5, 0, 12.5, 10n, null, undefined].map(csvCell)).toEqual(['-5', '0', '12.5', '10', '', '']);
  });

  it("keeps the issue's organisation name in one quoted cell of one row", () => {
    const rows = parseCsv(csvDocument(['id', 'label'], [['o1', "Harmless Oy\r=cmd|' /C calc'!A0"], ['o2', 'Next']]));

    expect(rows).toEqual([['id', 'label'], ['o1', "Harmless Oy\r=cmd|' /C calc'!A0"], ['o2', 'Next']]);
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => csvDocument(['a', 'b'], [['1']])).toThrow('1 cells for 2 columns');
  });

  it('parses back with csv-parse to the same rows and columns for any text, no cell running as a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), fc.boolean(), (rows, bom) => {
        const parsed = parseCsv(csvDocument(['a', 'b', 'c'], rows, { bom }));

        expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((row) => row.map(readBack))]);
        expect(noFormulaCells(parsed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
