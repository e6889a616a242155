import type { GraphEdge, GraphNode } from './network-graph.model';
import { tiesOf, visibleOn } from './network-graph.model';
import { foldPeople, overlapping, separateBoxes, type LabelBox } from './organization-view.model';

const at = (workshopId: string, date: string, position: string) => ({ workshopId, date: `${date}T10:00:00.000Z`, position });
const node = (id: string, type: GraphNode['type'], createdBy = at('w1', '2023-04-19', '1')): GraphNode => ({ id, type, entityId: id, label: id, createdBy });
const edge = (type: GraphEdge['type'], source: string, target: string, joins: GraphEdge['joins'], extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${type}:${source}|${target}`,
  type,
  source,
  target,
  weight: joins.length,
  createdBy: joins[0]!,
  workshops: [...new Set(joins.map((j) => j.workshopId))],
  joins,
  ...extra,
});

describe('foldPeople', () => {
  // Two people of org:a and one of org:b at w1; one of org:a at w2 (later); one person of no organisation.
  const answer = {
    chainId: 'c',
    lastPosition: '9',
    nodes: [node('workshop:w1', 'workshop'), node('workshop:w2', 'workshop'), node('org:a', 'organization'), node('org:b', 'organization'), ...['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => node(`person:${p}`, 'person'))],
    edges: [
      edge('participated', 'person:p2', 'workshop:w1', [at('w1', '2023-04-19', '3')], { role: 'participant', organization: 'org:a' }),
      edge('participated', 'person:p1', 'workshop:w1', [at('w1', '2023-04-19', '2')], { role: 'host', organization: 'org:a' }),
      edge('participated', 'person:p3', 'workshop:w1', [at('w1', '2023-04-19', '4')], { role: 'participant', organization: 'org:b' }),
      edge('participated', 'person:p4', 'workshop:w2', [at('w2', '2023-06-14', '7')], { role: 'participant', organization: 'org:a' }),
      edge('participated', 'person:p5', 'workshop:w2', [at('w2', '2023-06-14', '8')], { role: 'participant' }),
      edge('co-attendance', 'org:a', 'org:b', [at('w1', '2023-04-19', '4')]),
      edge('co-organised', 'org:a', 'workshop:w1', [at('w1', '2023-04-19', '1')]),
    ],
  };

  it('leaves no person, and ties each organisation to the workshops its people came to, weighted by how many came', () => {
    const sut = foldPeople(answer);

    expect(sut.nodes.map((n) => n.id)).toEqual(['workshop:w1', 'workshop:w2', 'org:a', 'org:b']);
    expect(sut.edges.map((e) => `${e.id}=${e.weight}`)).toEqual([
      'participated:org:a|workshop:w1=2',
      'participated:org:b|workshop:w1=1',
      'participated:org:a|workshop:w2=1',
      'co-attendance:org:a|org:b=1',
      'co-organised:org:a|workshop:w1=1',
    ]);
    const folded = sut.edges[0]!;
    expect(folded).toMatchObject({ source: 'org:a', target: 'workshop:w1', createdBy: at('w1', '2023-04-19', '2'), workshops: ['w1'] });
    expect(folded.role).toBeUndefined();
    expect(folded.organization).toBeUndefined();
  });

  it('keeps the original answer untouched and the slider working on the folded ties', () => {
    const before = JSON.stringify(answer);
    const sut = foldPeople(answer);

    expect(JSON.stringify(answer)).toBe(before);
    expect(visibleOn(sut, '2023-05-01').edges.has('participated:org:a|workshop:w2')).toBe(false);
    expect(tiesOf(sut, 'org:a', visibleOn(sut, null).edges).map((t) => `${t.neighbourId}=${t.weight}`)).toEqual(['workshop:w1=2', 'org:b=1', 'workshop:w1=1', 'workshop:w2=1']);
  });
});

describe('separateBoxes', () => {
  const box = (id: string, x: number, y: number, width = 120, height = 30): LabelBox => ({ id, x, y, width, height });

  it('moves overlapping labels to the nearest free spot until none overlaps, and moves nothing that was clear', () => {
    const boxes = [box('a', 0, 0), box('b', 10, 5), box('c', 0, 0), box('d', 20, -8), box('far', 1000, 1000)];
    expect(overlapping(boxes).length).toBeGreaterThan(0);

    const sut = separateBoxes(boxes, 4);
    const moved = boxes.map((b) => ({ ...b, ...sut.get(b.id)! }));

    expect(overlapping(moved, 3.9)).toEqual([]);
    expect(sut.get('far')).toEqual({ x: 1000, y: 1000 });
  });

  it('gives the same picture on every run', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => box(`n${i}`, (i % 5) * 20, Math.floor(i / 5) * 10));

    expect([...separateBoxes(boxes)]).toEqual([...separateBoxes(boxes)]);
    expect(overlapping([...separateBoxes(boxes)].map(([id, at]) => box(id, at.x, at.y)), 3.9)).toEqual([]);
  });
});
