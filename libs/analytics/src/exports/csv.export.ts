import { stringify } from 'csv-stringify/sync';
import type { NetworkAnswer } from '../network-graph';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const CSV_EXTENSION = 'csv';

export const CSV_NODE_COLUMNS = ['id', 'type', 'label', 'sector', 'region', 'roles', 'held_on', 'created_date', 'created_workshop', 'created_position'] as const;
export const CSV_EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'weight',
  'role',
  'source_roles',
  'target_roles',
  'created_date',
  'created_workshop',
  'created_position',
  'workshops',
] as const;

/** Separator of the workshop ids in the `workshops` column and of roles (ids and roles never contain it; a comma would need quoting). */
export const CSV_LIST_SEPARATOR = ';';

/**
 * Options shared by both lists:
 * - `escape_formulas`, because labels are typed in by people: a name starting with `=`, `+`, `-` or `@` would run as
 *   a formula when the file is opened in a spreadsheet (CSV injection), so such text gets a leading `'`.
 * - no BOM by default: plain UTF-8 as `text/csv; charset=utf-8` declares, which pandas, Python's csv module, Gephi and
 *   csv-parse read as is (a BOM would end up in the first header, "\ufeffid"). Excel guesses a legacy code page for
 *   a double-clicked file without one, hence the `bom` option for spreadsheet users.
 * Absent values are empty cells.
 */
const OPTIONS = { header: true, escape_formulas: true, record_delimiter: 'unix' } as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads ä and ö right when the file is opened directly. */
  bom?: boolean;
}

export function toCsvNodes(answer: NetworkAnswer, options: CsvOptions = {}): string {
  return stringify(
    answer.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      label: node.label ?? '',
      sector: node.sector ?? '',
      region: node.region ?? '',
      roles: (node.roles ?? []).join(CSV_LIST_SEPARATOR),
      held_on: node.heldOn ?? '',
      created_date: node.createdBy.date,
      created_workshop: node.createdBy.workshopId,
      created_position: node.createdBy.position,
    })),
    { ...OPTIONS, bom: options.bom === true, columns: [...CSV_NODE_COLUMNS] },
  );
}

export function toCsvEdges(answer: NetworkAnswer, options: CsvOptions = {}): string {
  return stringify(
    answer.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      weight: edge.weight,
      role: edge.role ?? '',
      source_roles: (edge.sourceRoles ?? []).join(CSV_LIST_SEPARATOR),
      target_roles: (edge.targetRoles ?? []).join(CSV_LIST_SEPARATOR),
      created_date: edge.createdBy.date,
      created_workshop: edge.createdBy.workshopId,
      created_position: edge.createdBy.position,
      workshops: edge.workshops.join(CSV_LIST_SEPARATOR),
    })),
    { ...OPTIONS, bom: options.bom === true, columns: [...CSV_EDGE_COLUMNS] },
  );
}
