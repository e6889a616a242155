import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { NetworkEdge } from '@kuhina/read-model/projections/network/network.view';
import type { NetworkAnswerNode } from '../network-graph';
import { edge, mixedNetworkFixture, networkFixture, org, origin, person } from '../metrics/network-fixture.spec-helper';
import { hostileText, noFormulaCells, parseCsv, readBack } from './csv-cell.spec-helper';
import { CSV_EDGE_COLUMNS, CSV_NODE_COLUMNS, toCsvEdges, toCsvNodes } from './csv.export';

const read = (csv: string): Array<Record<string, string>> => parse(csv, { columns: true });

describe('toCsvNodes', () => {
  const answer = mixedNetworkFixture();

  it('starts with the node header, and with a BOM only when asked (for Excel)', () => {
    const sut = toCsvNodes(answer);

    expect(sut.split('\n')[0]).toBe(CSV_NODE_COLUMNS.join(','));
    expect(toCsvNodes(answer, { bom: true })).toBe(`\ufeff${sut}`);
    expect(toCsvEdges(answer, { bom: true }).startsWith('\ufeffid,source,')).toBe(true);
  });

  it('parses back with csv-parse to one row per node, awkward labels and empty unknowns included', () => {
    const sut = read(toCsvNodes(answer));

    expect(sut.map((row) => row.id)).toEqual(answer.nodes.map((node) => node.id));
    expect(sut.find((row) => row.id === 'org:b')).toEqual({
      id: 'org:b',
      type: 'organization',
      label: `Tom & Jerry's <"Säätiö"> ö`,
      sector: 'ngo',
      region: 'Satakunta',
      roles: '',
      held_on: '',
      created_date: '2023-04-19T10:00:00.000Z',
      created_workshop: 'w1',
      created_position: '10',
      chains: '',
    });
    expect(sut.find((row) => row.id === 'org:c')).toMatchObject({ label: 'Kävelykadun Paahtimo Oy', sector: '', region: 'Uusimaa' });
    expect(sut.find((row) => row.id === 'person:p-2')).toMatchObject({ roles: 'participant;speaker' });
  });

  it('keeps commas, quotes and line breaks inside one cell', () => {
    const sut = read(toCsvNodes(networkFixture([org('x', { label: 'Oy, "Ab"\nrivi 2' })])));

    expect(sut).toHaveLength(1);
    expect(sut[0]?.label).toBe('Oy, "Ab"\nrivi 2');
  });

  it('defuses labels that a spreadsheet would run as formulas', () => {
    const sut = read(toCsvNodes(networkFixture([org('x', { label: '=HYPERLINK("http://evil")' }), org('y', { label: '@SUM(A1)' })])));

    expect(sut.map((row) => row.label)).toEqual([`'=HYPERLINK("http://evil")`, `'@SUM(A1)`]);
  });
});

describe('toCsvEdges', () => {
  const answer = mixedNetworkFixture();

  it('says which chains made a tie and what each added to its weight (a network over several chains)', () => {
    const tie = { ...answer.edges[0]!, chains: ['chain-b', 'chain-a'], chainWeights: { 'chain-b': 2, 'chain-a': 1 } };
    const sut = read(toCsvEdges({ ...answer, chainId: null, chainIds: ['chain-a', 'chain-b'], edges: [tie] }));

    expect(sut[0]).toMatchObject({ id: tie.id, chains: 'chain-b;chain-a', chain_weights: 'chain-b:2;chain-a:1' });
  });

  it('parses back with csv-parse to one row per edge with endpoints, type, weight, roles, origin and workshops', () => {
    const csv = toCsvEdges(answer);
    const sut = read(csv);

    expect(csv.split('\n')[0]).toBe(CSV_EDGE_COLUMNS.join(','));
    expect(sut).toEqual(
      answer.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        weight: String(e.weight),
        role: e.role ?? '',
        source_roles: (e.sourceRoles ?? []).join(';'),
        target_roles: (e.targetRoles ?? []).join(';'),
        created_date: e.createdBy.date,
        created_workshop: e.createdBy.workshopId,
        created_position: e.createdBy.position,
        workshops: e.workshops.join(';'),
        chains: (e.chains ?? []).join(';'),
        chain_weights: '',
      })),
    );
    expect(sut.find((row) => row.type === 'co-attendance')).toMatchObject({ workshops: 'w1;w2', source_roles: 'organiser', target_roles: 'participant;speaker' });
  });
});

describe('network CSV with hostile text (issue 16: formula smuggling)', () => {
  const ISSUE_NAME = "Harmless Oy\r=cmd|' /C calc'!A0";

  it("keeps the issue's organisation name in one quoted cell, so no row starts with =cmd", () => {
    const csv = toCsvNodes(networkFixture([org('x', { label: ISSUE_NAME }), org('y')]));

    expect(csv).toContain(`"${ISSUE_NAME}"`);
    expect(parseCsv(csv).map((row) => row[2])).toEqual(['label', ISSUE_NAME, 'y']);
  });

  it('quotes a label with a semicolon, which Excel in a Finnish locale splits on', () => {
    expect(toCsvNodes(networkFixture([org('x', { label: 'Oy;=1+1' })]))).toContain('"Oy;=1+1"');
  });

  // Every text cell of both lists gets arbitrary text; csv-parse must give back the same rows and columns.
  const textNode = fc.record({ id: hostileText, label: fc.option(hostileText), sector: fc.option(hostileText), region: fc.option(hostileText), heldOn: fc.option(hostileText) });
  const textEdge = fc.record({ source: hostileText, target: hostileText, workshop: hostileText, date: hostileText, position: hostileText, workshops: fc.array(hostileText, { maxLength: 3 }) });

  it('reads back every node as written for any text, with no cell running as a formula', () => {
    fc.assert(
      fc.property(fc.array(textNode, { maxLength: 4 }), fc.boolean(), (given, bom) => {
        const nodes: NetworkAnswerNode[] = given.map((n, i) => ({
          ...(i % 2 ? person(n.id, origin(n.id)) : org(n.id)),
          id: n.id,
          label: n.label,
          sector: n.sector,
          region: n.region,
          heldOn: n.heldOn,
        }));
        const rows = parseCsv(toCsvNodes(networkFixture(nodes), { bom }));

        expect(rows).toHaveLength(nodes.length + 1);
        expect(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[6]])).toEqual(
          given.map((n) => [n.id, n.label ?? '', n.sector ?? '', n.region ?? '', n.heldOn ?? ''].map(readBack)),
        );
        expect(rows.every((row) => row.length === CSV_NODE_COLUMNS.length)).toBe(true);
        expect(noFormulaCells(rows)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every edge as written for any text, with no cell running as a formula', () => {
    fc.assert(
      fc.property(fc.array(textEdge, { maxLength: 4 }), (given) => {
        const edges: NetworkEdge[] = given.map((e) => ({
          ...edge('pledged', e.source, e.target, { by: { workshopId: e.workshop, date: e.date, position: e.position }, workshops: e.workshops }),
          id: `${e.source}|${e.target}`,
        }));
        const rows = parseCsv(toCsvEdges(networkFixture([], edges)));

        expect(rows).toHaveLength(edges.length + 1);
        expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[8], row[9], row[10]])).toEqual(
          edges.map((e) => [e.id, e.source, e.target, e.createdBy.date, e.createdBy.workshopId, e.createdBy.position].map(readBack)),
        );
        expect(rows.slice(1).map((row) => row[11])).toEqual(edges.map((e) => readBack(e.workshops.join(';'))));
        expect(rows.every((row) => row.length === CSV_EDGE_COLUMNS.length)).toBe(true);
        expect(noFormulaCells(rows)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
