import { parse as parseCsv } from 'csv-parse/sync';
import { mixedNetworkFixture } from '../metrics/network-fixture.spec-helper';
import { exportNetwork, isNetworkExportFormat, NETWORK_EXPORT_FORMATS } from './index';

describe('exportNetwork', () => {
  const answer = mixedNetworkFixture();

  it.each([
    ['json', 'application/json; charset=utf-8', 'json', 'network-chain-1.json'],
    ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf', 'network-chain-1.gexf'],
    ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml', 'network-chain-1.graphml'],
    ['csv-nodes', 'text/csv; charset=utf-8', 'csv', 'network-chain-1-nodes.csv'],
    ['csv-edges', 'text/csv; charset=utf-8', 'csv', 'network-chain-1-edges.csv'],
    ['kumu', 'application/json; charset=utf-8', 'json', 'network-chain-1.kumu.json'],
  ] as const)('answers %s with its content type, extension and file name', (format, contentType, extension, fileName) => {
    const sut = exportNetwork(answer, format);

    expect(sut).toMatchObject({ contentType, extension, fileName });
    expect(sut.body.length).toBeGreaterThan(0);
  });

  it('gives each format its own body', () => {
    const sut = NETWORK_EXPORT_FORMATS.map((format) => exportNetwork(answer, format).body);

    expect(new Set(sut).size).toBe(NETWORK_EXPORT_FORMATS.length);
  });

  it('answers json as the network answer itself', () => {
    expect(JSON.parse(exportNetwork(answer, 'json').body)).toEqual(answer);
  });

  it('answers csv-edges with the edge list, not the node list', () => {
    const rows: Array<Record<string, string>> = parseCsv(exportNetwork(answer, 'csv-edges').body, { columns: true });

    expect(rows.map((row) => row.id)).toEqual(answer.edges.map((e) => e.id));
  });
});

describe('isNetworkExportFormat', () => {
  it('accepts the listed formats only', () => {
    expect(NETWORK_EXPORT_FORMATS.every((format) => isNetworkExportFormat(format))).toBe(true);
    expect(isNetworkExportFormat('csv')).toBe(false);
    expect(isNetworkExportFormat('GEXF')).toBe(false);
    expect(isNetworkExportFormat(undefined)).toBe(false);
  });
});
