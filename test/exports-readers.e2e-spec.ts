import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { NETWORK_EDGE_DIRECTED } from '@kuhina/read-model/projections/network/network.view';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { apiHarness, KEYS, type ApiHarness } from './support/api-harness';
import { mixedNetworkFixture } from '../libs/analytics/src/metrics/network-fixture.spec-helper';
import type { NetworkAnswer } from '../libs/analytics/src/network-graph';
import { CSV_EDGE_COLUMNS, CSV_LIST_SEPARATOR, CSV_NODE_COLUMNS } from '../libs/analytics/src/exports/csv.export';
import { gexfDay, toGexf } from '../libs/analytics/src/exports/gexf.export';
import { GRAPHML_LIST_SEPARATOR, toGraphml } from '../libs/analytics/src/exports/graphml.export';
import type { KumuBlueprint } from '../libs/analytics/src/exports/kumu.export';

/**
 * Every export of the demo network, as GET /network serves it, read by a reader that is not ours: NetworkX's
 * `read_gexf` and `read_graphml` (spawned Python) for GEXF and GraphML, csv-parse for the CSV lists, the Kumu blueprint
 * checked against what Kumu's import joins on. Loading is not enough: counts, ids, dates and values must come back.
 *
 * Settings (environment):
 *   KUHINA_PYTHON=<path>          the Python with NetworkX 3.6 or later (default: python3)
 *   KUHINA_REQUIRE_NETWORKX=1     a Python without NetworkX fails the NetworkX tests instead of skipping them (also when CI=true)
 */
const DEMO_CHAIN = DEMO_CHAIN_ID;
const PYTHON = process.env.KUHINA_PYTHON || 'python3';
const NETWORKX_REQUIRED = process.env.KUHINA_REQUIRE_NETWORKX === '1' || process.env.CI === 'true';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What NetworkX read, as plain JSON: graph class, graph data, nodes with their data, edges with endpoints, key and data. */
type NxGraph = {
  class: string;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: Array<{ ends: [string, string]; key: string; data: Record<string, unknown> }>;
};
type NxRead = { version: string; graphs: Record<string, NxGraph> };

// Reads each file given as `reader=path` and prints one JSON document; values NetworkX typed (int, float, bool) stay typed.
const NETWORKX_SCRIPT = `
import json, sys
import networkx as nx
readers = {'gexf': nx.read_gexf, 'graphml': nx.read_graphml}
graphs = {}
for arg in sys.argv[1:]:
    name, reader, path = arg.split('=', 2)
    g = readers[reader](path)
    graphs[name] = {
        'class': type(g).__name__,
        'graph': {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float, bool))},
        'nodes': {n: d for n, d in g.nodes(data=True)},
        'edges': [{'ends': [u, v], 'key': k, 'data': d} for u, v, k, d in g.edges(keys=True, data=True)],
    }
print(json.dumps({'version': nx.__version__, 'graphs': graphs}))
`;

/** The NetworkX the GEXF is for; Debian 12's python3-networkx (2.8.8) knows no GEXF 1.3 namespace ("No <graph> element"). */
const NETWORKX_MINIMUM = [3, 6];

/** Whether this machine's Python has NetworkX 3.6 or later, and which version; the reason when it has not. */
function probeNetworkx(): { version: string } | { reason: string } {
  const probe = spawnSync(PYTHON, ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) return { reason: `${PYTHON} cannot import networkx: ${(probe.error?.message ?? probe.stderr.trim().split('\n').pop()) || `exit ${probe.status}`}` };
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  const [wantedMajor = 0, wantedMinor = 0] = NETWORKX_MINIMUM;
  if (major < wantedMajor || (major === wantedMajor && minor < wantedMinor)) return { reason: `${PYTHON} has networkx ${version}, older than ${NETWORKX_MINIMUM.join('.')}` };
  return { version };
}

const NETWORKX = probeNetworkx();
const skipNetworkx = 'reason' in NETWORKX && !NETWORKX_REQUIRED;
if (skipNetworkx) console.warn(`[kuhina] NetworkX reader tests SKIPPED: ${NETWORKX.reason} (KUHINA_REQUIRE_NETWORKX=1 or CI=true makes this a failure)`);
const describeWithNetworkx = skipNetworkx ? describe.skip : describe;

function readWithNetworkx(files: Record<string, { reader: 'gexf' | 'graphml'; body: string }>): NxRead {
  if ('reason' in NETWORKX) throw new Error(`NetworkX is required here (KUHINA_REQUIRE_NETWORKX=1 or CI=true): ${NETWORKX.reason}. Install it: python3 -m pip install "networkx>=3.6"`);
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-networkx-'));
  try {
    const args = Object.entries(files).map(([name, file]) => {
      const path = join(dir, `${name}.${file.reader}`);
      writeFileSync(path, file.body);
      return `${name}=${file.reader}=${path}`;
    });
    const run = spawnSync(PYTHON, ['-c', NETWORKX_SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`NetworkX could not read the exports: ${run.error?.message ?? run.stderr}`);
    return JSON.parse(run.stdout) as NxRead;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();
const endsOf = (edge: { source: string; target: string }): string => sorted([edge.source, edge.target]).join('|');

describe('every network export read by an independent reader (the demo chain, as GET /network serves it)', () => {
  let harness: ApiHarness;
  let answer: NetworkAnswer;
  let cut: NetworkAnswer;
  const files: Record<string, string> = {};

  /** The file as served: raw body, no JSON round trip. */
  async function download(query: string): Promise<string> {
    const response = await harness.app.inject({ method: 'GET', url: `/network?chainId=${DEMO_CHAIN}&${query}`, headers: { authorization: `Bearer ${KEYS.analyst}` } });
    expect(response.statusCode).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    harness = await apiHarness({ demo: true });
    answer = JSON.parse(await download('format=json')) as NetworkAnswer;
    cut = JSON.parse(await download('format=json&asOf=2023-06-30')) as NetworkAnswer;
    for (const format of ['gexf', 'graphml', 'csv-nodes', 'csv-edges', 'kumu']) files[format] = await download(`format=${format}`);
    files['gexf-cut'] = await download('format=gexf&asOf=2023-06-30');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('has a demo network worth reading: every node and edge type, parallel typed edges, a smaller network at the cut', () => {
    expect(new Set(answer.nodes.map((node) => node.type))).toEqual(new Set(['organization', 'person', 'workshop']));
    expect(new Set(answer.edges.map((edge) => edge.type)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(answer.edges.map(endsOf)).size).toBeLessThan(answer.edges.length);
    expect(cut.nodes.length).toBeGreaterThan(0);
    expect(cut.nodes.length).toBeLessThan(answer.nodes.length);
  });

  describeWithNetworkx(`NetworkX ${'version' in NETWORKX ? NETWORKX.version : `— ${skipNetworkx ? 'SKIPPED' : 'MISSING'}: ${NETWORKX.reason}`}`, () => {
    let read: NxRead;

    beforeAll(() => {
      read = readWithNetworkx({ gexf: { reader: 'gexf', body: files.gexf! }, graphml: { reader: 'graphml', body: files.graphml! }, cut: { reader: 'gexf', body: files['gexf-cut']! } });
    });

    it('read_gexf: a dynamic MultiGraph with every node, its label, type, day and log position', () => {
      const sut = read.graphs.gexf!;

      expect(sut.class).toBe('MultiGraph');
      expect(sut.graph.mode).toBe('dynamic');
      expect(sorted(Object.keys(sut.nodes))).toEqual(sorted(answer.nodes.map((node) => node.id)));
      for (const node of answer.nodes) {
        expect(sut.nodes[node.id]).toMatchObject({
          label: node.label,
          type: node.type,
          entity: node.entityId,
          start: gexfDay(node.createdBy.date),
          created: node.createdBy.date,
          workshop: node.createdBy.workshopId,
          position: Number(node.createdBy.position),
        });
      }
      const rauma = answer.nodes.find((node) => node.type === 'workshop' && node.order === 0)!;
      expect(sut.nodes[rauma.id]).toMatchObject({ start: '2023-04-26', heldOn: '2023-04-26', order: 0 });
    });

    it('read_gexf: every typed edge by its id, with endpoints, weight, direction, day, workshops and joins', () => {
      const sut = read.graphs.gexf!;
      const byId = new Map(sut.edges.map((edge) => [edge.key, edge]));

      expect(sut.edges).toHaveLength(answer.edges.length);
      expect(sorted(byId.keys())).toEqual(sorted(answer.edges.map((edge) => edge.id)));
      for (const expected of answer.edges) {
        const edge = byId.get(expected.id)!;
        expect(sorted(edge.ends)).toEqual(sorted([expected.source, expected.target]));
        expect(edge.data).toMatchObject({
          id: expected.id,
          type: expected.type,
          weight: expected.weight,
          directed: NETWORK_EDGE_DIRECTED[expected.type],
          start: gexfDay(expected.createdBy.date),
          created: expected.createdBy.date,
          position: Number(expected.createdBy.position),
        });
        // NetworkX leaves a liststring as its text; each value is JSON-quoted, so the text is a JSON array.
        expect(JSON.parse(edge.data.workshops as string)).toEqual(expected.workshops);
        expect(JSON.parse(edge.data.joins as string)).toEqual(expected.joins.map((join) => join.date));
      }
    });

    it('read_gexf at asOf: the smaller network, nothing dated after the cut, every day at day precision', () => {
      const sut = read.graphs.cut!;
      const days = [...Object.values(sut.nodes), ...sut.edges.map((edge) => edge.data)].map((data) => data.start as string);

      expect(Object.keys(sut.nodes)).toHaveLength(cut.nodes.length);
      expect(sut.edges).toHaveLength(cut.edges.length);
      expect(days.every((day) => DAY.test(day) && day <= '2023-06-30')).toBe(true);
    });

    it('read_graphml: the same nodes and edges with their typed data', () => {
      const sut = read.graphs.graphml!;
      const byId = new Map(sut.edges.map((edge) => [edge.key, edge]));

      expect(sut.class).toBe('MultiGraph');
      expect(sorted(Object.keys(sut.nodes))).toEqual(sorted(answer.nodes.map((node) => node.id)));
      for (const node of answer.nodes) {
        expect(sut.nodes[node.id]).toMatchObject({ type: node.type, created_date: node.createdBy.date, created_position: Number(node.createdBy.position) });
        if (node.label !== null) expect(sut.nodes[node.id]!.label).toBe(node.label);
      }
      expect(sorted(byId.keys())).toEqual(sorted(answer.edges.map((edge) => edge.id)));
      for (const expected of answer.edges) {
        const edge = byId.get(expected.id)!;
        expect(sorted(edge.ends)).toEqual(sorted([expected.source, expected.target]));
        expect(edge.data).toMatchObject({ type: expected.type, weight: expected.weight, directed: NETWORK_EDGE_DIRECTED[expected.type], created_date: expected.createdBy.date });
        expect(edge.data.workshops).toBe(expected.workshops.join(GRAPHML_LIST_SEPARATOR));
      }
    });

    it('reads hostile labels back intact (ampersands, quotes, angle brackets, ä and ö) in GEXF and GraphML', () => {
      const fixture = mixedNetworkFixture();
      const sut = readWithNetworkx({ gexf: { reader: 'gexf', body: toGexf(fixture) }, graphml: { reader: 'graphml', body: toGraphml(fixture) } });

      for (const graph of [sut.graphs.gexf!, sut.graphs.graphml!]) {
        expect(graph.nodes['org:b']!.label).toBe(`Tom & Jerry's <"Säätiö"> ö`);
        expect(graph.edges).toHaveLength(fixture.edges.length);
      }
    });
  });

  it('CSV node list (csv-parse): one row per node with the declared columns and values', () => {
    const sut: Array<Record<string, string>> = parseCsv(files['csv-nodes']!, { columns: true });

    expect(Object.keys(sut[0]!)).toEqual([...CSV_NODE_COLUMNS]);
    expect(sut.map((row) => row.id)).toEqual(answer.nodes.map((node) => node.id));
    for (const [i, node] of answer.nodes.entries()) {
      expect(sut[i]).toMatchObject({ type: node.type, label: node.label ?? '', created_date: node.createdBy.date, created_position: node.createdBy.position });
      expect(sut[i]!.roles).toBe((node.roles ?? []).join(CSV_LIST_SEPARATOR));
    }
  });

  it('CSV edge list (csv-parse): one row per edge, every endpoint a node of the node list, weights and workshops intact', () => {
    const sut: Array<Record<string, string>> = parseCsv(files['csv-edges']!, { columns: true });
    const nodeIds = new Set(answer.nodes.map((node) => node.id));

    expect(Object.keys(sut[0]!)).toEqual([...CSV_EDGE_COLUMNS]);
    expect(sut.map((row) => row.id)).toEqual(answer.edges.map((edge) => edge.id));
    for (const [i, edge] of answer.edges.entries()) {
      const row = sut[i]!;
      expect(nodeIds.has(row.source!) && nodeIds.has(row.target!)).toBe(true);
      expect({ source: row.source, target: row.target, type: row.type, weight: Number(row.weight), created_date: row.created_date }).toEqual({
        source: edge.source,
        target: edge.target,
        type: edge.type,
        weight: edge.weight,
        created_date: edge.createdBy.date,
      });
      expect(row.workshops!.split(CSV_LIST_SEPARATOR)).toEqual(edge.workshops);
    }
  });

  it('Kumu blueprint: every connection joins two element ids, ids unique across both, labels unique, dates kept', () => {
    const sut = JSON.parse(files.kumu!) as KumuBlueprint;
    const elementIds = new Set(sut.elements.map((element) => element.id));
    const ids = [...sut.elements, ...sut.connections].map((item) => item.id);

    expect(sut.elements).toHaveLength(answer.nodes.length);
    expect(sut.connections).toHaveLength(answer.edges.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(sut.elements.map((element) => element.label)).size).toBe(sut.elements.length);
    expect(sut.connections.every((connection) => elementIds.has(connection.from) && elementIds.has(connection.to))).toBe(true);
    expect(sut.connections.map((connection) => [connection.id, connection.direction, connection.weight, connection.created])).toEqual(
      answer.edges.map((edge) => [edge.id, NETWORK_EDGE_DIRECTED[edge.type] ? 'directed' : 'undirected', edge.weight, edge.createdBy.date]),
    );
  });
});
