import type { NetworkAnswer } from '../network-graph';
import { chainWeightItems } from './chain-weights';
import { csvDocument } from './csv-cell';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const CSV_EXTENSION = 'csv';

export const CSV_NODE_COLUMNS = ['id', 'type', 'label', 'sector', 'region', 'roles', 'held_on', 'created_date', 'created_workshop', 'created_position', 'chains'] as const;
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
  'chains',
  'chain_weights',
] as const;

/** Separator of the workshop ids in the `workshops` column and of roles (ids and roles never contain it; csv-cell.ts quotes a cell holding it). */
export const CSV_LIST_SEPARATOR = ';';

/**
 * Both lists go through `csvDocument` (csv-cell.ts), shared with the ledger: cells with a quote, comma, semicolon, CR
 * or LF are quoted, and text a spreadsheet would run as a formula (labels are typed in by people) gets a leading `'`.
 * No BOM by default: plain UTF-8 as `text/csv; charset=utf-8` declares, which pandas, Python's csv module, Gephi and
 * csv-parse read as is (a BOM would end up in the first header, "\ufeffid"). Excel guesses a legacy code page for a
 * double-clicked file without one, hence the `bom` option for spreadsheet users. Absent values are empty cells.
 */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads ä and ö right when the file is opened directly. */
  bom?: boolean;
}

export function toCsvNodes(answer: NetworkAnswer, options: CsvOptions = {}): string {
  const rows = answer.nodes.map((node) => [
    node.id,
    node.type,
    node.label,
    node.sector,
    node.region,
    (node.roles ?? []).join(CSV_LIST_SEPARATOR),
    node.heldOn,
    node.createdBy.date,
    node.createdBy.workshopId,
    node.createdBy.position,
    (node.chains ?? []).join(CSV_LIST_SEPARATOR),
  ]);
  return csvDocument(CSV_NODE_COLUMNS, rows, { bom: options.bom === true });
}

export function toCsvEdges(answer: NetworkAnswer, options: CsvOptions = {}): string {
  const rows = answer.edges.map((edge) => [
    edge.id,
    edge.source,
    edge.target,
    edge.type,
    edge.weight,
    edge.role,
    (edge.sourceRoles ?? []).join(CSV_LIST_SEPARATOR),
    (edge.targetRoles ?? []).join(CSV_LIST_SEPARATOR),
    edge.createdBy.date,
    edge.createdBy.workshopId,
    edge.createdBy.position,
    edge.workshops.join(CSV_LIST_SEPARATOR),
    (edge.chains ?? []).join(CSV_LIST_SEPARATOR),
    chainWeightItems(edge.chainWeights).join(CSV_LIST_SEPARATOR),
  ]);
  return csvDocument(CSV_EDGE_COLUMNS, rows, { bom: options.bom === true });
}
