// The same generator as the server's (one copy, in the pure domain library).
import { seededRandom } from '../../libs/domain/src/shared/seeded-random';
export { seededRandom };
// Pure logic of the network page (no DOM, no cytoscape): what is visible when, colours, sizes, ties.
// Kept apart from the page so that it can be unit-tested under Node.
import type { NetworkAnswer } from '@kuhina/analytics';

export type GraphNode = NetworkAnswer['nodes'][number];
export type GraphEdge = NetworkAnswer['edges'][number];

/** One position of the time slider: the end of one workshop's day. */
export interface TimelineStep {
  nodeId: string;
  /** The workshop id (what `createdBy.workshopId` and `edge.workshops` name). */
  workshopId: string;
  title: string;
  /** YYYY-MM-DD: everything created on or before this day is shown. */
  day: string;
}

const dayOf = (isoDate: string): string => isoDate.slice(0, 10);

/** The workshop's own day: the day it was held, else its start, else the day it joined the network (a workshop planned without a start). */
export const workshopDay = (node: GraphNode): string => node.heldOn ?? dayOf(node.startsAt ?? node.createdBy.date);

const nodeTitle = (node: GraphNode): string => node.label ?? `Workshop ${node.entityId.slice(0, 8)}`;

/**
 * The chain's workshops in their chain order (`order`, then start, then id), one slider step each; the workshops of
 * several chains by day (each chain numbers its own).
 */
export function timelineOf(nodes: readonly GraphNode[]): TimelineStep[] {
  const rank = (order: number | null | undefined): number => (typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER);
  const workshops = nodes.filter((node) => node.type === 'workshop');
  const acrossChains = new Set(workshops.map((node) => node.chains?.[0])).size > 1;
  return workshops
    .sort((a, b) => (acrossChains ? workshopDay(a).localeCompare(workshopDay(b)) : 0) || rank(a.order) - rank(b.order) || workshopDay(a).localeCompare(workshopDay(b)) || a.id.localeCompare(b.id))
    .map((node) => ({ nodeId: node.id, workshopId: node.entityId, title: nodeTitle(node), day: workshopDay(node) }));
}

/** `day` null means "all": the whole network, including ties recorded after the last workshop. */
export const existsOn = (origin: { date: string }, day: string | null): boolean => day === null || dayOf(origin.date) <= day;

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

/** What existed at the end of `day`: nodes and edges created by then (an edge also needs both of its ends). */
export function visibleOn(answer: Pick<NetworkAnswer, 'nodes' | 'edges'>, day: string | null): Visible {
  const nodes = new Set(answer.nodes.filter((node) => existsOn(node.createdBy, day)).map((node) => node.id));
  const edges = new Set(answer.edges.filter((edge) => existsOn(edge.createdBy, day) && nodes.has(edge.source) && nodes.has(edge.target)).map((edge) => edge.id));
  return { nodes, edges };
}

/** Degree of every node counting only the given edges (the drawn ones). */
export function degreesOf(edges: readonly GraphEdge[], drawn: ReadonlySet<string>): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const edge of edges) {
    if (!drawn.has(edge.id)) continue;
    degrees.set(edge.source, (degrees.get(edge.source) ?? 0) + 1);
    degrees.set(edge.target, (degrees.get(edge.target) ?? 0) + 1);
  }
  return degrees;
}

/** Node diameter in pixels: grows with the square root of the degree so that hubs stand out without swallowing the page. */
export const nodeSize = (degree: number): number => Math.min(64, Math.round(12 + 5 * Math.sqrt(degree)));

// Colour-blind-safe-ish palette (Okabe–Ito plus neutrals); people and workshops get colours of their own.
export const SECTOR_COLOURS: Readonly<Record<string, string>> = {
  'public-administration': '#0072B2',
  ngo: '#009E73',
  'social-enterprise': '#E69F00',
  'higher-education': '#CC79A7',
  research: '#56B4E9',
  sme: '#D55E00',
  'global-network': '#F0E442',
  other: '#999999',
};
export const UNKNOWN_SECTOR_COLOUR = '#bbbbbb';
export const PERSON_COLOUR = '#c7c7d9';
export const WORKSHOP_COLOUR = '#2f2f3a';

export const EDGE_COLOURS: Readonly<Record<GraphEdge['type'], string>> = {
  'co-attendance': '#7f8fa6',
  participated: '#d0d0dc',
  'co-organised': '#1b6e3d',
  pledged: '#b8860b',
  collaboration: '#c0392b',
};

const SECTOR_NAMES: Readonly<Record<string, string>> = {
  'public-administration': 'Public administration',
  ngo: 'NGO',
  'social-enterprise': 'Social enterprise',
  'higher-education': 'Higher education',
  research: 'Research',
  sme: 'Company (SME)',
  'global-network': 'Global network',
  other: 'Other organisation',
};

export function colourOf(node: GraphNode): string {
  if (node.type === 'person') return PERSON_COLOUR;
  if (node.type === 'workshop') return WORKSHOP_COLOUR;
  return (node.sector && SECTOR_COLOURS[node.sector]) || UNKNOWN_SECTOR_COLOUR;
}

export interface LegendEntry {
  label: string;
  colour: string;
  kind: 'node' | 'edge';
}

/** Only what the chain actually has: its sectors (in palette order), people, workshops, and its tie types. */
export function legendOf(answer: Pick<NetworkAnswer, 'nodes' | 'edges'>): LegendEntry[] {
  const sectors = new Set(answer.nodes.filter((n) => n.type === 'organization').map((n) => n.sector ?? null));
  const entries: LegendEntry[] = Object.keys(SECTOR_COLOURS)
    .filter((sector) => sectors.has(sector))
    .map((sector) => ({ label: SECTOR_NAMES[sector] ?? sector, colour: SECTOR_COLOURS[sector]!, kind: 'node' as const }));
  const unknown = [...sectors].filter((sector) => sector === null || !(sector in SECTOR_COLOURS));
  if (unknown.length > 0) entries.push({ label: 'Organisation (sector not known)', colour: UNKNOWN_SECTOR_COLOUR, kind: 'node' });
  if (answer.nodes.some((n) => n.type === 'person')) entries.push({ label: 'Person', colour: PERSON_COLOUR, kind: 'node' });
  if (answer.nodes.some((n) => n.type === 'workshop')) entries.push({ label: 'Workshop', colour: WORKSHOP_COLOUR, kind: 'node' });
  const types = new Set(answer.edges.map((e) => e.type));
  for (const [type, colour] of Object.entries(EDGE_COLOURS)) if (types.has(type as GraphEdge['type'])) entries.push({ label: type, colour, kind: 'edge' });
  return entries;
}

/** What a node is called on the page (people seen by the backoffice have no label: a short id instead). */
export function displayName(node: GraphNode): string {
  if (node.label) return node.label;
  return node.type === 'person' ? `Person ${node.entityId.slice(0, 8)}` : `${node.type} ${node.entityId.slice(0, 8)}`;
}

/** Nodes among `among` whose name contains the query, case- and accent-insensitively; an empty query matches nothing. */
export function matchingNodes(nodes: readonly GraphNode[], query: string, among: ReadonlySet<string>): string[] {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const wanted = fold(query.trim());
  if (wanted === '') return [];
  return nodes.filter((node) => among.has(node.id) && fold(displayName(node)).includes(wanted)).map((node) => node.id);
}

export interface Tie {
  edgeId: string;
  neighbourId: string;
  neighbour: string;
  type: GraphEdge['type'];
  weight: number;
  /** Titles of the workshops that created or strengthened the tie, in the order they did. */
  workshops: string[];
}

/**
 * The drawn ties of one node, strongest first, each with its weight and the workshops behind it as of the end of
 * `day` (null: as they stand now): a tie made at the first workshop and strengthened at the third weighs 1 on the
 * slider's second step.
 */
export function tiesOf(answer: Pick<NetworkAnswer, 'nodes' | 'edges'>, nodeId: string, drawn: ReadonlySet<string>, day: string | null = null): Tie[] {
  const byId = new Map(answer.nodes.map((node) => [node.id, node]));
  const workshopTitles = new Map(answer.nodes.filter((n) => n.type === 'workshop').map((n) => [n.entityId, nodeTitle(n)]));
  return answer.edges
    .filter((edge) => drawn.has(edge.id) && (edge.source === nodeId || edge.target === nodeId))
    .map((edge) => {
      const neighbourId = edge.source === nodeId ? edge.target : edge.source;
      const neighbour = byId.get(neighbourId);
      const joins = day === null ? edge.joins : edge.joins.filter((join) => existsOn(join, day));
      const workshops = day === null ? edge.workshops : [...new Set(joins.map((join) => join.workshopId))];
      return {
        edgeId: edge.id,
        neighbourId,
        neighbour: neighbour ? displayName(neighbour) : neighbourId,
        type: edge.type,
        weight: day === null ? edge.weight : joins.length,
        workshops: workshops.map((id) => workshopTitles.get(id) ?? `Workshop ${id.slice(0, 8)}`),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.neighbour.localeCompare(b.neighbour));
}


/**
 * Starting positions for the force layout: workshops on a circle in chain order, every other node on a
 * spiral around the workshop that brought it in. A force layout started from a sensible, fixed picture ends
 * in a readable and repeatable one.
 */
export function initialPositions(answer: Pick<NetworkAnswer, 'nodes'>, steps: readonly TimelineStep[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const radius = 120 + 60 * steps.length;
  const centres = new Map<string, { x: number; y: number }>();
  steps.forEach((step, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, steps.length) - Math.PI / 2;
    const centre = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    centres.set(step.workshopId, centre);
    positions.set(step.nodeId, centre);
  });
  const placed = new Map<string, number>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const node of answer.nodes) {
    if (positions.has(node.id)) continue;
    const key = centres.has(node.createdBy.workshopId) ? node.createdBy.workshopId : '';
    const centre = centres.get(key) ?? { x: 0, y: 0 };
    const k = (placed.get(key) ?? 0) + 1;
    placed.set(key, k);
    const r = 18 * Math.sqrt(k) + 30;
    positions.set(node.id, { x: centre.x + r * Math.cos(k * golden), y: centre.y + r * Math.sin(k * golden) });
  }
  return positions;
}
