import { NETWORK_EDGE_DIRECTED } from '@kuhina/read-model/projections/network/network.view';
import type { NetworkAnswer } from '../network-graph';
import { chainWeightItems } from './chain-weights';
import { escapeXml, xmlAttributes } from './xml.escape';

export const GRAPHML_CONTENT_TYPE = 'application/graphml+xml; charset=utf-8';
export const GRAPHML_EXTENSION = 'graphml';

type GraphmlType = 'string' | 'int' | 'long' | 'double' | 'boolean';
type Key = { id: string; for: 'node' | 'edge'; name: string; type: GraphmlType };

/** Separator of the workshop ids in the `workshops` value and of roles (GraphML has no list type; ids and roles never contain it). */
export const GRAPHML_LIST_SEPARATOR = ';';

const KEYS: readonly Key[] = [
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_entity', for: 'node', name: 'entity', type: 'string' },
  { id: 'n_sector', for: 'node', name: 'sector', type: 'string' },
  { id: 'n_region', for: 'node', name: 'region', type: 'string' },
  { id: 'n_starts_at', for: 'node', name: 'starts_at', type: 'string' },
  { id: 'n_held_on', for: 'node', name: 'held_on', type: 'string' },
  { id: 'n_roles', for: 'node', name: 'roles', type: 'string' },
  { id: 'n_order', for: 'node', name: 'order', type: 'int' },
  { id: 'n_created_date', for: 'node', name: 'created_date', type: 'string' },
  { id: 'n_created_workshop', for: 'node', name: 'created_workshop', type: 'string' },
  { id: 'n_created_position', for: 'node', name: 'created_position', type: 'long' },
  { id: 'n_chains', for: 'node', name: 'chains', type: 'string' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'e_directed', for: 'edge', name: 'directed', type: 'boolean' },
  { id: 'e_role', for: 'edge', name: 'role', type: 'string' },
  { id: 'e_source_roles', for: 'edge', name: 'source_roles', type: 'string' },
  { id: 'e_target_roles', for: 'edge', name: 'target_roles', type: 'string' },
  { id: 'e_created_date', for: 'edge', name: 'created_date', type: 'string' },
  { id: 'e_created_workshop', for: 'edge', name: 'created_workshop', type: 'string' },
  { id: 'e_created_position', for: 'edge', name: 'created_position', type: 'long' },
  { id: 'e_workshops', for: 'edge', name: 'workshops', type: 'string' },
  { id: 'e_chains', for: 'edge', name: 'chains', type: 'string' },
  { id: 'e_chain_weights', for: 'edge', name: 'chain_weights', type: 'string' },
];

export interface GraphmlOptions {
  /**
   * Write `directed="true"` on the edges that point at a workshop (arrows in yEd, a mixed graph for graphology).
   * Off by default: NetworkX's `read_graphml` refuses a `directed="true"` edge in an undirected graph.
   */
  mixed?: boolean;
}

/**
 * GraphML for NetworkX and yEd. The graph is `edgedefault="undirected"`: co-attendance and collaboration are
 * symmetric, and every directed edge (participated, co-organised, pledged) points from a person or organisation to a
 * workshop, so its direction is implied by the node types; it is also kept in each edge's `directed` data value.
 * Parallel typed edges between a pair stay separate edges (NetworkX reads a MultiGraph, keyed by edge id).
 * yEd shows the data values as custom properties (map `label` to the node label with its Properties Mapper).
 */
export function toGraphml(answer: NetworkAnswer, options: GraphmlOptions = {}): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((key) => `  <key${xmlAttributes([['id', key.id], ['for', key.for], ['attr.name', key.name], ['attr.type', key.type]])}/>`),
    `  <graph${xmlAttributes([['id', answer.chainId ?? (answer.scope === 'all' ? 'all-chains' : (answer.chainIds ?? []).join(GRAPHML_LIST_SEPARATOR))], ['edgedefault', 'undirected']])}>`,
  ];
  for (const node of answer.nodes) {
    lines.push(`    <node${xmlAttributes([['id', node.id]])}>`);
    lines.push(
      ...data({
        n_type: node.type,
        n_label: node.label,
        n_entity: node.entityId,
        n_sector: node.sector,
        n_region: node.region,
        n_starts_at: node.startsAt,
        n_held_on: node.heldOn,
        n_roles: node.roles?.join(GRAPHML_LIST_SEPARATOR),
        n_order: node.order,
        n_created_date: node.createdBy.date,
        n_created_workshop: node.createdBy.workshopId,
        n_created_position: node.createdBy.position,
        n_chains: node.chains?.join(GRAPHML_LIST_SEPARATOR),
      }),
    );
    lines.push('    </node>');
  }
  for (const edge of answer.edges) {
    const directed = NETWORK_EDGE_DIRECTED[edge.type];
    const head = xmlAttributes([
      ['id', edge.id],
      ['source', edge.source],
      ['target', edge.target],
      ['directed', options.mixed && directed ? 'true' : undefined],
    ]);
    lines.push(`    <edge${head}>`);
    lines.push(
      ...data({
        e_type: edge.type,
        e_weight: edge.weight,
        e_directed: directed,
        e_role: edge.role,
        e_source_roles: edge.sourceRoles?.join(GRAPHML_LIST_SEPARATOR),
        e_target_roles: edge.targetRoles?.join(GRAPHML_LIST_SEPARATOR),
        e_created_date: edge.createdBy.date,
        e_created_workshop: edge.createdBy.workshopId,
        e_created_position: edge.createdBy.position,
        e_workshops: edge.workshops.join(GRAPHML_LIST_SEPARATOR),
        e_chains: edge.chains?.join(GRAPHML_LIST_SEPARATOR),
        e_chain_weights: edge.chainWeights === undefined ? undefined : chainWeightItems(edge.chainWeights).join(GRAPHML_LIST_SEPARATOR),
      }),
    );
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/** Absent values are left out (NetworkX then has no such attribute) rather than written empty. */
function data(values: Record<string, string | number | boolean | null | undefined>): string[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => `      <data${xmlAttributes([['key', key]])}>${escapeXml(String(value))}</data>`);
}
