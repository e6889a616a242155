// The organisation view of the network page (pure: no DOM, no cytoscape, unit-tested under Node): people folded into
// the organisations they came for, and labels pushed apart until none overlaps another.
import type { NetworkAnswer } from '@kuhina/analytics';

type Answer = Pick<NetworkAnswer, 'nodes' | 'edges'> & Partial<NetworkAnswer>;
type Edge = NetworkAnswer['edges'][number];

const byDateThenPosition = (a: { date: string; position: string }, b: { date: string; position: string }): number =>
  a.date.localeCompare(b.date) || a.position.length - b.position.length || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/**
 * The network with its people folded into their organisations: no person nodes; each person's `participated` tie
 * becomes one join of a `participated` tie between their organisation and the workshop (weight: how many of its people
 * came, each join dated as the attendance, so the slider still counts them); people who came for no organisation are
 * left out. Every other tie stays as it is.
 */
export function foldPeople<T extends Answer>(answer: T): T {
  const nodes = answer.nodes.filter((node) => node.type !== 'person');
  const present = new Set(nodes.map((node) => node.id));
  const folded = new Map<string, Edge>();
  const edges: Edge[] = [];
  for (const edge of answer.edges) {
    if (edge.type !== 'participated') {
      if (present.has(edge.source) && present.has(edge.target)) edges.push(edge);
      continue;
    }
    if (edge.organization === undefined || !present.has(edge.organization) || !present.has(edge.target)) continue;
    const id = `participated:${edge.organization}|${edge.target}`;
    const known = folded.get(id);
    if (known === undefined) {
      const tie: Edge = { ...edge, id, source: edge.organization, joins: [...edge.joins], workshops: [...edge.workshops] };
      delete tie.role;
      delete tie.organization;
      folded.set(id, tie);
      edges.push(tie);
      continue;
    }
    known.joins = [...known.joins, ...edge.joins].sort(byDateThenPosition);
    known.weight = known.joins.length;
    known.createdBy = known.joins[0]!;
    known.workshops = [...new Set(known.joins.map((join) => join.workshopId))];
  }
  return { ...answer, nodes, edges };
}

/** A node's box (its shape and its label) in model coordinates: centre and size. */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: LabelBox, b: LabelBox, gap: number): { x: number; y: number } => ({
  x: (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x),
  y: (a.height + b.height) / 2 + gap - Math.abs(a.y - b.y),
});

/** Whether any two boxes overlap (with `gap` pixels around each pair). */
export function overlapping(boxes: readonly LabelBox[], gap = 0): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const o = overlap(boxes[i]!, boxes[j]!, gap);
      if (o.x > 0 && o.y > 0) pairs.push([boxes[i]!.id, boxes[j]!.id]);
    }
  }
  return pairs;
}

/**
 * Places boxes one by one, in the order given (put the hubs first: they stay where the layout put them), each at the
 * free spot nearest to where it was: rings of candidates around it, 6 px apart, until one overlaps no box already
 * placed (by `gap` pixels). Every box finds a spot, so no two overlap afterwards, and the same boxes give the same
 * picture on every load. Returns the new centres by id.
 */
export function separateBoxes(boxes: readonly LabelBox[], gap = 4): Map<string, { x: number; y: number }> {
  const STEP = 6;
  const placed: LabelBox[] = [];
  const clear = (candidate: LabelBox): boolean => placed.every((other) => {
    const o = overlap(candidate, other, gap);
    return o.x <= 0 || o.y <= 0;
  });
  for (const box of boxes) {
    // Ends: past the farthest placed box every candidate is clear.
    let spot: LabelBox | null = clear(box) ? box : null;
    for (let ring = 1; spot === null; ring++) {
      const candidates = Math.max(8, Math.round((2 * Math.PI * ring) / 1.5));
      for (let k = 0; k < candidates && spot === null; k++) {
        // Straight below or above first (labels are wide and flat), then alternating sides around the ring.
        const angle = Math.PI / 2 + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * ((2 * Math.PI) / candidates);
        const candidate = { ...box, x: box.x + ring * STEP * Math.cos(angle), y: box.y + ring * STEP * Math.sin(angle) };
        if (clear(candidate)) spot = candidate;
      }
    }
    placed.push(spot);
  }
  return new Map(placed.map((box) => [box.id, { x: box.x, y: box.y }]));
}
