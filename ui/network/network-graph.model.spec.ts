import type { GraphEdge, GraphNode } from './network-graph.model';
import {
  colourOf,
  degreesOf,
  displayName,
  initialPositions,
  legendOf,
  matchingNodes,
  nodeSize,
  PERSON_COLOUR,
  SECTOR_COLOURS,
  seededRandom,
  tiesOf,
  timelineOf,
  visibleOn,
  WORKSHOP_COLOUR,
} from './network-graph.model';

const origin = (workshopId: string, date: string) => ({ workshopId, date, position: '1' });

// A chain of three workshops (listed out of order) and what they grew.
const W = { rauma: 'w-rauma', pori: 'w-pori', kemi: 'w-kemi' };
const workshop = (id: string, title: string, order: number | null, startsAt: string | null, created = '2023-03-01T09:00:00.000Z'): GraphNode => ({
  id: `workshop:${id}`,
  type: 'workshop',
  entityId: id,
  label: title,
  startsAt,
  order,
  createdBy: origin(id, created),
});
const org = (id: string, name: string, sector: string | null, created: GraphNode['createdBy']): GraphNode => ({
  id: `org:${id}`,
  type: 'organization',
  entityId: id,
  label: name,
  sector,
  region: 'Satakunta',
  createdBy: created,
});
// One join per workshop: the first one at `created`, each later one on that workshop's day.
const DAYS: Record<string, string> = { 'w-rauma': '2023-04-20T12:00:00.000Z', 'w-pori': '2023-07-05T10:00:00.000Z', 'w-kemi': '2023-09-12T10:00:00.000Z' };
const edge = (type: GraphEdge['type'], source: string, target: string, created: GraphEdge['createdBy'], workshops: string[], weight = workshops.length): GraphEdge => ({
  id: `${type}:${source}|${target}`,
  type,
  source,
  target,
  weight,
  createdBy: created,
  workshops,
  joins: workshops.map((workshopId, i) => (i === 0 ? created : origin(workshopId, DAYS[workshopId]!))),
});

const nodes: GraphNode[] = [
  workshop(W.kemi, 'Kemi hybrid', 2, '2023-09-12T10:00:00.000Z'),
  workshop(W.rauma, 'Rauma futures workshop', 0, '2023-04-20T09:00:00.000Z'),
  workshop(W.pori, 'Pori bench café', 1, '2023-07-05T09:00:00.000Z'),
  org('city', 'Rauman kaupunki', 'public-administration', origin(W.rauma, '2023-04-20T09:00:00.000Z')),
  org('ngo', 'Valmennusyhdistys', 'ngo', origin(W.rauma, '2023-04-20T12:00:00.000Z')),
  org('lapin', 'Lapin ammattikorkeakoulu', 'higher-education', origin(W.kemi, '2023-09-12T10:00:00.000Z')),
  { id: 'person:p1', type: 'person', entityId: 'p1-pseudonym', label: 'p1-pseudonym', createdBy: origin(W.pori, '2023-07-05T10:00:00.000Z') },
];
const edges: GraphEdge[] = [
  edge('co-attendance', 'org:city', 'org:ngo', origin(W.rauma, '2023-04-20T12:00:00.000Z'), [W.rauma, W.kemi], 2),
  edge('participated', 'person:p1', `workshop:${W.pori}`, origin(W.pori, '2023-07-05T10:00:00.000Z'), [W.pori]),
  edge('co-attendance', 'org:lapin', 'org:ngo', origin(W.kemi, '2023-09-12T10:00:00.000Z'), [W.kemi]),
  // Recorded after the last workshop: only "all" shows it.
  edge('collaboration', 'org:city', 'org:lapin', origin(W.kemi, '2023-11-02T08:00:00.000Z'), [W.kemi]),
];
const answer = { nodes, edges };

describe('network page model', () => {
  it('orders the slider by chain order, each step labelled with the workshop title and its day', () => {
    const sut = timelineOf(nodes);

    expect(sut).toEqual([
      { nodeId: `workshop:${W.rauma}`, workshopId: W.rauma, title: 'Rauma futures workshop', day: '2023-04-20' },
      { nodeId: `workshop:${W.pori}`, workshopId: W.pori, title: 'Pori bench café', day: '2023-07-05' },
      { nodeId: `workshop:${W.kemi}`, workshopId: W.kemi, title: 'Kemi hybrid', day: '2023-09-12' },
    ]);
  });

  it('puts workshops without an order last, by start day', () => {
    const sut = timelineOf([workshop('late', 'Webinar', null, '2023-10-01T10:00:00.000Z'), workshop('early', 'Unordered', null, '2023-01-01T10:00:00.000Z'), workshop('first', 'First', 0, '2023-05-01T10:00:00.000Z')]);

    expect(sut.map((s) => s.title)).toEqual(['First', 'Unordered', 'Webinar']);
  });

  it('runs the workshops of several chains by day (each chain numbers its own from 0)', () => {
    const sut = timelineOf([
      { ...workshop('b0', '2024 first', 0, '2024-03-14T09:00:00.000Z'), chains: ['b'] },
      { ...workshop('a1', '2023 second', 1, '2023-06-14T09:00:00.000Z'), chains: ['a'] },
      { ...workshop('a0', '2023 first', 0, '2023-04-19T09:00:00.000Z'), chains: ['a'] },
    ]);

    expect(sut.map((s) => s.title)).toEqual(['2023 first', '2023 second', '2024 first']);
  });

  it('steps to the day a workshop was held when it is not the day it started (a two-day workshop held on its second)', () => {
    const [held] = timelineOf([{ ...workshop('two-days', 'Two days', 0, '2023-05-01T10:00:00.000Z'), heldOn: '2023-05-02' }]);

    expect(held!.day).toBe('2023-05-02');
  });

  it('shows, as of a workshop, what was created by the end of its day; "all" shows everything', () => {
    const [rauma, pori, kemi] = timelineOf(nodes);

    const sut = [rauma!, pori!, kemi!].map((step) => visibleOn(answer, step.day));
    const all = visibleOn(answer, null);

    // All three workshop nodes were planned before the chain started; organisations and ties come with their workshops.
    expect(sut.map((v) => v.nodes.size)).toEqual([5, 6, 7]);
    expect(sut.map((v) => [...v.edges])).toEqual([
      ['co-attendance:org:city|org:ngo'],
      ['co-attendance:org:city|org:ngo', `participated:person:p1|workshop:${W.pori}`],
      ['co-attendance:org:city|org:ngo', `participated:person:p1|workshop:${W.pori}`, 'co-attendance:org:lapin|org:ngo'],
    ]);
    expect(all.nodes.size).toBe(7);
    expect(all.edges.size).toBe(4);
  });

  it('never draws an edge whose end is not drawn yet', () => {
    const early = edge('pledged', 'org:lapin', `workshop:${W.rauma}`, origin(W.rauma, '2023-04-01T08:00:00.000Z'), [W.rauma]);

    const sut = visibleOn({ nodes, edges: [early] }, '2023-04-20');

    expect(sut.nodes.has('org:lapin')).toBe(false);
    expect(sut.edges.size).toBe(0);
  });

  it('counts degrees over the drawn edges only and sizes nodes by the square root of it, capped', () => {
    const drawn = visibleOn(answer, '2023-07-05').edges;

    const sut = degreesOf(edges, drawn);

    expect(Object.fromEntries(sut)).toEqual({ 'org:city': 1, 'org:ngo': 1, 'person:p1': 1, [`workshop:${W.pori}`]: 1 });
    expect(nodeSize(0)).toBe(12);
    expect(nodeSize(4)).toBe(22);
    expect(nodeSize(10_000)).toBe(64);
  });

  it('colours organisations by sector and gives people and workshops their own colours; the legend lists only what is there', () => {
    expect(colourOf(nodes[3]!)).toBe(SECTOR_COLOURS['public-administration']);
    expect(colourOf(nodes[6]!)).toBe(PERSON_COLOUR);
    expect(colourOf(nodes[0]!)).toBe(WORKSHOP_COLOUR);

    const sut = legendOf(answer);

    expect(sut.filter((e) => e.kind === 'node').map((e) => e.label)).toEqual(['Public administration', 'NGO', 'Higher education', 'Person', 'Workshop']);
    expect(sut.filter((e) => e.kind === 'edge').map((e) => e.label)).toEqual(['co-attendance', 'participated', 'collaboration']);
  });

  it('puts organisations of an unknown sector under one legend entry of their own', () => {
    const stray = org('x', 'Unknown Oy', null, origin(W.rauma, '2023-04-20T09:00:00.000Z'));

    const sut = legendOf({ nodes: [stray], edges: [] });

    expect(sut).toEqual([{ label: 'Organisation (sector not known)', colour: '#bbbbbb', kind: 'node' }]);
  });

  it('finds drawn nodes by name, ignoring case and accents; an empty query finds nothing', () => {
    const all = visibleOn(answer, null).nodes;

    expect(matchingNodes(nodes, 'rauma', all)).toEqual([`workshop:${W.rauma}`, 'org:city']);
    expect(matchingNodes(nodes, 'CAFE', all)).toEqual([`workshop:${W.pori}`]);
    expect(matchingNodes(nodes, 'lapin', visibleOn(answer, '2023-04-20').nodes)).toEqual([]);
    expect(matchingNodes(nodes, '   ', all)).toEqual([]);
  });

  it('lists the drawn ties of a node, strongest first, with the workshops behind each', () => {
    const sut = tiesOf(answer, 'org:ngo', visibleOn(answer, null).edges);

    expect(sut).toEqual([
      { edgeId: 'co-attendance:org:city|org:ngo', neighbourId: 'org:city', neighbour: 'Rauman kaupunki', type: 'co-attendance', weight: 2, workshops: ['Rauma futures workshop', 'Kemi hybrid'] },
      { edgeId: 'co-attendance:org:lapin|org:ngo', neighbourId: 'org:lapin', neighbour: 'Lapin ammattikorkeakoulu', type: 'co-attendance', weight: 1, workshops: ['Kemi hybrid'] },
    ]);
    expect(tiesOf(answer, 'org:ngo', visibleOn(answer, '2023-04-20').edges).map((t) => t.neighbour)).toEqual(['Rauman kaupunki']);
  });

  it("gives each tie its weight and workshops as of the slider's day, not as they stand today", () => {
    // Rauman kaupunki and the NGO met at Rauma (April), and again at Kemi (September).
    const inJuly = tiesOf(answer, 'org:ngo', visibleOn(answer, '2023-07-05').edges, '2023-07-05');
    const inSeptember = tiesOf(answer, 'org:ngo', visibleOn(answer, '2023-09-12').edges, '2023-09-12');

    expect(inJuly).toEqual([expect.objectContaining({ neighbour: 'Rauman kaupunki', weight: 1, workshops: ['Rauma futures workshop'] })]);
    expect(inSeptember.find((t) => t.neighbour === 'Rauman kaupunki')).toMatchObject({ weight: 2, workshops: ['Rauma futures workshop', 'Kemi hybrid'] });
  });

  it('names people without a label (the backoffice view) by a short id', () => {
    const sut = displayName({ id: 'person:0123456789', type: 'person', entityId: '0123456789', label: null, createdBy: origin(W.pori, '2023-07-05') });

    expect(sut).toBe('Person 01234567');
  });

  it('starts the layout from the same distinct positions every time, each node near the workshop that brought it in', () => {
    const steps = timelineOf(nodes);

    const sut = initialPositions(answer, steps);

    expect(initialPositions(answer, steps)).toEqual(sut);
    expect(new Set([...sut.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(nodes.length);
    const distance = (a: string, b: string): number => Math.hypot(sut.get(a)!.x - sut.get(b)!.x, sut.get(a)!.y - sut.get(b)!.y);
    expect(distance('org:lapin', `workshop:${W.kemi}`)).toBeLessThan(distance('org:lapin', `workshop:${W.rauma}`));
  });

  it('draws the same random sequence from the same seed, and another from another seed', () => {
    const sut = seededRandom(42);
    const first = [sut(), sut(), sut()];

    const again = seededRandom(42);
    expect([again(), again(), again()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});
