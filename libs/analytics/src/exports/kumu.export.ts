import { NETWORK_EDGE_DIRECTED } from '@kuhina/read-model/projections/network/network.view';
import type { NetworkAnswer } from '../network-graph';
import { chainWeightItems } from './chain-weights';

export const KUMU_CONTENT_TYPE = 'application/json; charset=utf-8';
export const KUMU_EXTENSION = 'json';

/** A Kumu element: `id`, `label` and `type` are Kumu's core fields; the rest become custom fields. */
export type KumuElement = {
  id: string;
  label: string;
  type: string;
  sector?: string;
  region?: string;
  'entity id': string;
  'starts at'?: string;
  'held on'?: string;
  'chain order'?: number;
  /** People: the roles they had at the workshops (participant, organiser, host, speaker). */
  roles?: string[];
  created: string;
  'created by workshop': string;
  'log position': string;
  /** The chains that brought the element in. */
  chains?: string[];
};

export type KumuConnection = {
  id: string;
  from: string;
  to: string;
  type: string;
  direction: 'directed' | 'undirected';
  weight: number;
  /** participated: the person's role. */
  role?: string;
  /** co-attendance: the roles the people of each end had. */
  'from roles'?: string[];
  'to roles'?: string[];
  created: string;
  'created by workshop': string;
  'log position': string;
  workshops: string[];
  /** The chains that made the connection, and what each added to its weight (`chainId:weight`). */
  chains?: string[];
  'chain weights'?: string[];
};

export type KumuBlueprint = { elements: KumuElement[]; connections: KumuConnection[] };

/**
 * Kumu's JSON blueprint. Kumu joins a connection's `from`/`to` to an element's `id` when elements carry ids (its
 * import guide: "use the ids, not the labels, when building the connections"), so connections name node ids and
 * labels are free text. Ids must be unique across elements and connections: node ids (`org:…`) and edge ids
 * (`<type>:<source>|<target>`) never collide. Labels are still made unique (" (2)", " (3)" …) because Kumu shows and
 * searches by label, and a missing label (people seen by the back office) falls back to the entity id.
 */
export function toKumuBlueprint(answer: NetworkAnswer): KumuBlueprint {
  const labels = new Set<string>();
  const uniqueLabel = (wanted: string): string => {
    let label = wanted;
    for (let n = 2; labels.has(label); n += 1) label = `${wanted} (${n})`;
    labels.add(label);
    return label;
  };

  const elements = answer.nodes.map(
    (node): KumuElement => ({
      id: node.id,
      label: uniqueLabel(node.label ?? node.entityId),
      type: node.type,
      ...(node.sector ? { sector: node.sector } : {}),
      ...(node.region ? { region: node.region } : {}),
      'entity id': node.entityId,
      ...(node.startsAt ? { 'starts at': node.startsAt } : {}),
      ...(node.heldOn ? { 'held on': node.heldOn } : {}),
      ...(node.roles ? { roles: [...node.roles] } : {}),
      ...(node.order !== null && node.order !== undefined ? { 'chain order': node.order } : {}),
      created: node.createdBy.date,
      'created by workshop': node.createdBy.workshopId,
      'log position': node.createdBy.position,
      ...(node.chains ? { chains: [...node.chains] } : {}),
    }),
  );
  const connections = answer.edges.map(
    (edge): KumuConnection => ({
      id: edge.id,
      from: edge.source,
      to: edge.target,
      type: edge.type,
      direction: NETWORK_EDGE_DIRECTED[edge.type] ? 'directed' : 'undirected',
      weight: edge.weight,
      ...(edge.role ? { role: edge.role } : {}),
      ...(edge.sourceRoles ? { 'from roles': [...edge.sourceRoles] } : {}),
      ...(edge.targetRoles ? { 'to roles': [...edge.targetRoles] } : {}),
      created: edge.createdBy.date,
      'created by workshop': edge.createdBy.workshopId,
      'log position': edge.createdBy.position,
      workshops: [...edge.workshops],
      ...(edge.chains ? { chains: [...edge.chains] } : {}),
      ...(edge.chainWeights ? { 'chain weights': chainWeightItems(edge.chainWeights) } : {}),
    }),
  );
  return { elements, connections };
}

export function toKumu(answer: NetworkAnswer): string {
  return `${JSON.stringify(toKumuBlueprint(answer), null, 2)}\n`;
}
