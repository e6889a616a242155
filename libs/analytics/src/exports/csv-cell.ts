/**
 * The one way Kuhina writes CSV: the network lists (API `csv-nodes` / `csv-edges` / `csv`, `kuhina replay`, `kuhina
 * export network`) and the audit ledger (`csv`, `csv-history`, `kuhina export ledger`) all go through `csvCell`, so a
 * hostile name cannot end up split across rows in one export and intact in another.
 */

/** What a cell may hold: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | bigint | null | undefined;

/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets, Numbers) read a cell as a formula when they
 * start it (OWASP CSV injection): = + - @, TAB, CR, LF, and the full-width = + - @ that Numbers folds to ASCII.
 */
export const CSV_FORMULA_STARTS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** What a neutralised cell starts with, as csv-stringify's `escape_formulas` does: the spreadsheet shows it as text. */
export const CSV_FORMULA_GUARD = "'";

/**
 * Characters that force quotes: the CSV syntax (quote, comma, CR, LF) and `;`, which Excel in a Finnish (or any
 * comma-decimal) locale takes as the separator of a double-clicked .csv, where an unquoted "a;=cmd" would become a
 * formula cell of its own.
 */
const NEEDS_QUOTES = /[",;\r\n]/;

/** A cell, quoted and neutralised as needed. Numbers stay numbers (a negative amount is not a formula). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = CSV_FORMULA_STARTS.has(value.charAt(0)) ? `${CSV_FORMULA_GUARD}${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row: its cells joined by commas (no line break). */
export const csvRow = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

export interface CsvDocumentOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads ä and ö right when the file is opened directly. */
  bom?: boolean;
}

/**
 * A whole file: the header, then one line per row, each ended by LF (what csv-stringify writes by default; pandas,
 * Python's csv module, Gephi, csv-parse and spreadsheets all read it). A row must have one value per column.
 */
export function csvDocument(columns: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, options: CsvDocumentOptions = {}): string {
  const lines = [columns, ...rows].map((row) => {
    if (row.length !== columns.length) throw new Error(`A CSV row has ${row.length} cells for ${columns.length} columns`);
    return `${csvRow(row)}\n`;
  });
  return `${options.bom === true ? '\ufeff' : ''}${lines.join('')}`;
}
