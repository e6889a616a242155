import { parse } from 'csv-parse/sync';
import { mixedNetworkFixture, networkFixture, org } from '../metrics/network-fixture.spec-helper';
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
      })),
    );
    expect(sut.find((row) => row.type === 'co-attendance')).toMatchObject({ workshops: 'w1;w2', source_roles: 'organiser', target_roles: 'participant;speaker' });
  });
});
