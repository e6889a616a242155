import { NETWORK_EDGE_DIRECTED } from '@kuhina/read-model/projections/network/network.view';
import type { NetworkAnswer } from '../network-graph';
import { chainWeightItems } from './chain-weights';
import { escapeXml, xmlAttributes } from './xml.escape';

export const GEXF_CONTENT_TYPE = 'application/gexf+xml; charset=utf-8';
export const GEXF_EXTENSION = 'gexf';

type GexfAttributeType = 'string' | 'integer' | 'long' | 'boolean' | 'liststring';

/**
 * Declared attribute columns. `label` and `weight` are not among them: they travel as GEXF's own `label` and
 * `weight` XML attributes, which Gephi maps to its built-in Label and Weight columns (a declared column of the
 * same name would clash with them). Log positions are `long` (64-bit in Gephi), enough for a bigint-safe position.
 */
const NODE_ATTRIBUTES: ReadonlyArray<readonly [string, GexfAttributeType]> = [
  ['type', 'string'],
  ['entity', 'string'],
  ['sector', 'string'],
  ['region', 'string'],
  ['startsAt', 'string'],
  ['heldOn', 'string'],
  ['order', 'integer'],
  ['roles', 'liststring'],
  ['workshop', 'string'],
  ['created', 'string'],
  ['position', 'long'],
  ['chains', 'liststring'],
];
const EDGE_ATTRIBUTES: ReadonlyArray<readonly [string, GexfAttributeType]> = [
  ['type', 'string'],
  ['directed', 'boolean'],
  ['role', 'string'],
  ['sourceRoles', 'liststring'],
  ['targetRoles', 'liststring'],
  ['workshops', 'liststring'],
  ['workshop', 'string'],
  ['created', 'string'],
  ['position', 'long'],
  ['joins', 'liststring'],
  ['chains', 'liststring'],
  ['chainWeights', 'liststring'],
];

export interface GexfOptions {
  /**
   * Write `type="directed"` on the edges that point at a workshop (arrows in Gephi's mixed graph). Off by default:
   * NetworkX's `read_gexf` refuses a directed edge in an undirected graph ("Directed edge found in undirected graph").
   */
  mixed?: boolean;
}

/**
 * The day a business date falls on, in UTC: the day from which `GET /network?asOf=<day>` includes what it dates (asOf
 * is the end of that day in UTC), so Gephi's timeline and the API's replay agree on every day.
 */
export function gexfDay(date: string): string {
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a business date: ${date}`);
  return instant.toISOString().slice(0, 10);
}

/**
 * GEXF 1.3 for Gephi and NetworkX: a dynamic graph whose every node and edge starts on the day of the business date
 * that created it (`createdBy.date`), so Gephi's timeline replays how the chain grew the network. Written by hand
 * because graphology-gexf's writer has no dynamic mode (no `mode`, `timeformat` or `start`).
 *
 * `timeformat="date"` (xs:date, day precision): workshops happen on days, and NetworkX 3.6's `read_gexf` knows no
 * `dateTime` (it raises KeyError 'dateTime'), while it reads `date` as text. The full date-time stays in `created`,
 * and an edge's `joins` lists the date of every join, so its weight on any day can still be counted.
 *
 * `defaultedgetype="undirected"` and no edge `type` by default (see GexfOptions.mixed): every directed edge
 * (participated, co-organised, pledged) points from a person or organisation at a workshop, so its direction is
 * implied by the node types, and it is kept in the `directed` value. Parallel typed edges between one pair
 * (co-organised + pledged) are told apart by GEXF's edge `kind`, which Gephi 0.10 reads as the edge type of a
 * multigraph; NetworkX reads a MultiGraph keyed by edge id.
 */
export function toGexf(answer: NetworkAnswer, options: GexfOptions = {}): string {
  const lines: string[] = [];
  const dates = [...answer.nodes.map((node) => node.createdBy.date), ...answer.edges.map((edge) => edge.createdBy.date)].sort();
  const latest = dates[dates.length - 1];

  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  // The last modification is the latest business date in the network (no clock: the export is a pure function).
  lines.push(`  <meta${xmlAttributes([['lastmodifieddate', latest === undefined ? undefined : gexfDay(latest)]])}>`);
  lines.push('    <creator>Kuhina</creator>');
  lines.push(`    <description>${escapeXml(`Network grown by ${answer.chainId !== null ? `chain ${answer.chainId}` : `chains ${(answer.chainIds ?? []).join(', ')}`}, up to log position ${answer.lastPosition}`)}</description>`);
  lines.push('  </meta>');
  // The days are UTC days (gexfDay); Gephi reads dates in the graph's time zone.
  lines.push('  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timezone="UTC">');
  lines.push(...declarations('node', NODE_ATTRIBUTES), ...declarations('edge', EDGE_ATTRIBUTES));

  lines.push('    <nodes>');
  for (const node of answer.nodes) {
    lines.push(`      <node${xmlAttributes([['id', node.id], ['label', node.label], ['start', gexfDay(node.createdBy.date)]])}>`);
    lines.push(
      ...attvalues({
        type: node.type,
        entity: node.entityId,
        sector: node.sector,
        region: node.region,
        startsAt: node.startsAt,
        heldOn: node.heldOn,
        order: node.order,
        roles: node.roles === undefined ? undefined : gexfList(node.roles),
        workshop: node.createdBy.workshopId,
        created: node.createdBy.date,
        position: node.createdBy.position,
        chains: node.chains === undefined ? undefined : gexfList(node.chains),
      }),
    );
    lines.push('      </node>');
  }
  lines.push('    </nodes>');

  lines.push('    <edges>');
  for (const edge of answer.edges) {
    const directed = NETWORK_EDGE_DIRECTED[edge.type];
    const head = xmlAttributes([
      ['id', edge.id],
      ['source', edge.source],
      ['target', edge.target],
      ['type', options.mixed && directed ? 'directed' : undefined],
      ['kind', edge.type],
      ['weight', edge.weight],
      ['start', gexfDay(edge.createdBy.date)],
    ]);
    lines.push(`      <edge${head}>`);
    lines.push(
      ...attvalues({
        type: edge.type,
        directed: String(directed),
        role: edge.role,
        sourceRoles: edge.sourceRoles === undefined ? undefined : gexfList(edge.sourceRoles),
        targetRoles: edge.targetRoles === undefined ? undefined : gexfList(edge.targetRoles),
        workshops: gexfList(edge.workshops),
        workshop: edge.createdBy.workshopId,
        created: edge.createdBy.date,
        position: edge.createdBy.position,
        joins: gexfList(edge.joins.map((join) => join.date)),
        chains: edge.chains === undefined ? undefined : gexfList(edge.chains),
        chainWeights: edge.chainWeights === undefined ? undefined : gexfList(chainWeightItems(edge.chainWeights)),
      }),
    );
    lines.push('      </edge>');
  }
  lines.push('    </edges>');
  lines.push('  </graph>');
  lines.push('</gexf>');
  return `${lines.join('\n')}\n`;
}

function declarations(kind: 'node' | 'edge', attributes: ReadonlyArray<readonly [string, GexfAttributeType]>): string[] {
  return [
    `    <attributes class="${kind}" mode="static">`,
    ...attributes.map(([id, type]) => `      <attribute${xmlAttributes([['id', id], ['title', id], ['type', type]])}/>`),
    '    </attributes>',
  ];
}

function attvalues(values: Record<string, string | number | null | undefined>): string[] {
  const present = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined);
  if (present.length === 0) return [];
  return [
    '        <attvalues>',
    ...present.map(([name, value]) => `          <attvalue${xmlAttributes([['for', name], ['value', value]])}/>`),
    '        </attvalues>',
  ];
}

/** GEXF 1.3 list syntax: `[a, b]`, each value double-quoted so commas or brackets inside stay one value. */
function gexfList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}
