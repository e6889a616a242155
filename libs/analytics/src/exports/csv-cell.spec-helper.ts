import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CSV_FORMULA_GUARD, CSV_FORMULA_STARTS } from './csv-cell';

/**
 * Property-test pieces shared by the specs of every CSV writer (network lists, ledger sheets): hostile text, and what
 * a cell must read back as.
 */

// The characters that break CSV or start formulas, drawn often: plain random strings seldom hit them.
const awkward = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', ';', "'", ' ', 'a', 'ä', '\u0000', '\u007f', '\u0085', '\uFF1D', '\uFEFF', '1');

/** Any text: full Unicode (controls, lone surrogates) or a mix of the awkward characters, e.g. "Harmless Oy\r=cmd". */
export const hostileText: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: awkward, maxLength: 12 }));

/** What a text cell reads back as: itself, behind the guard when a spreadsheet would run it. */
export const readBack = (text: string): string => (CSV_FORMULA_STARTS.has(text.charAt(0)) ? `${CSV_FORMULA_GUARD}${text}` : text);

/** csv-parse's view of a file: rows of cells, the header first. */
export const parseCsv = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false }) as string[][];

/** True when no cell would run as a formula: each starts with a harmless character, the guard, or is a number. */
export const noFormulaCells = (rows: string[][]): boolean =>
  rows.every((row) => row.every((cell) => !CSV_FORMULA_STARTS.has(cell.charAt(0)) || /^-\d+(\.\d+)?$/.test(cell)));
