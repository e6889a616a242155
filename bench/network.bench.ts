/**
 * npm run bench:network — the analysts' side, each figure against a limit measured in the same run.
 * 1. Metrics: a synthetic chain whose network has 20,000 organisations and ~200,000 ties (co-attendance of
 *    organisations at 1,053 workshops of 20, each through one attending person) is written into the embedded read store; the real API answers
 *    GET /network/metrics over it (HTTP stack in-process: read the views, assemble, label, compute, serialise).
 *    The limit: graphology's own functions (Louvain, betweenness, density, components, modularity, degrees)
 *    on the same graph, already built.
 * 2. Time travel: a synthetic history of ~1,000,000 events (as bench:rebuild) is replayed through the network
 *    projections into a memory store (what `kuhina replay` does), against the raw read of the same log.
 * BENCH_SCALE=0.1 runs a tenth of both; BENCH_PART=metrics or replay runs one of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import modularity from 'graphology-metrics/graph/modularity';
import { density } from 'graphology-metrics/graph/density';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { NetworkAnswer, NetworkMetrics } from '@kuhina/analytics';
import { loadConfig } from '@kuhina/application';
import { seededRandom } from '@kuhina/domain';
import { replayNetworkFromLog, SqliteReadStore, type NetworkAttendance, type NetworkWorkshopView } from '@kuhina/read-model';
import { networkProjection } from '@kuhina/read-model/projections/network';
import { createApp } from '../apps/api/src/create-app';
import { writeBenchmarkLog } from './synthetic-log';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const KEY = 'bench-analyst-key-0123456789';
const CHAIN = '00000000-0000-4000-8000-00000000c4a1';

const uuid = (kind: number, n: number): string => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;


/** Writes the network documents of one chain: every organisation attends at least once; 20 per workshop. */
async function writeSyntheticNetwork(dataDir: string, organizations: number, perWorkshop: number, workshops: number): Promise<void> {
  const store = new SqliteReadStore({ file: join(dataDir, 'views.db') });
  const random = seededRandom(7);
  const order = Array.from({ length: organizations }, (_, i) => i);
  const sectors = ['public-administration', 'sme', 'social-enterprise', 'ngo', 'higher-education', 'other'];
  const regions = ['Uusimaa', 'Satakunta', 'Lappi', 'Pirkanmaa', 'Varsinais-Suomi'];
  await store.transaction(async (uow) => {
    for (let i = 0; i < organizations; i++) {
      uow.put('organizations', uuid(1, i), { organizationId: uuid(1, i), name: `Organisation ${i}`, sector: sectors[i % sectors.length], region: regions[i % regions.length] });
    }
    let slot = 0;
    for (let w = 0; w < workshops; w++) {
      const workshopId = uuid(2, w);
      const date = new Date(Date.UTC(2023, 0, 1) + w * 86_400_000).toISOString();
      const position = (k: number): string => String(w * 100 + k + 1);
      // One attending person per organisation and workshop (an organisation attends through its people).
      const attending: Record<string, NetworkAttendance> = {};
      for (let k = 0; k < perWorkshop; k++) {
        // Walk a shuffled order of all organisations so each attends (about) once before any attends twice.
        if (slot % organizations === 0) {
          for (let i = organizations - 1; i > 0; i--) {
            const swap = Math.floor(random() * (i + 1));
            [order[i], order[swap]] = [order[swap]!, order[i]!];
          }
        }
        attending[uuid(3, slot)] = { organizationId: uuid(1, order[slot % organizations]!), role: 'participant', position: position(k) };
        slot++;
      }
      const doc: NetworkWorkshopView = {
        workshopId, chainId: CHAIN, title: `Workshop ${w + 1}`, startsAt: date, heldOn: null, order: w, cancelled: false, createdBy: { workshopId, date, position: position(0) },
        attendances: attending, coOrganizers: {}, pledges: {}, registrationOrganizations: {}, lastPosition: String(w * 100 + perWorkshop),
      };
      uow.put('network-workshops', workshopId, doc, networkProjection.indexesOf!(doc, workshopId));
    }
  });
  await store.close();
}

/** graphology's own computation of the metrics the endpoint answers, on a graph already built. */
function graphologyLimit(answer: NetworkAnswer): { seconds: number; nodes: number; ties: number } {
  const graph = new Graph({ type: 'undirected' });
  for (const node of answer.nodes) graph.addNode(node.id);
  for (const edge of answer.edges) graph.updateEdge(edge.source, edge.target, (attributes) => ({ weight: ((attributes.weight as number | undefined) ?? 0) + edge.weight }));
  const started = process.hrtime.bigint();
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) });
  betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  graph.forEachNode((node) => {
    graph.degree(node);
    weightedDegree(graph, node, 'weight');
  });
  density(graph);
  connectedComponents(graph);
  modularity(graph, { getNodeCommunity: (node: string) => communities[node]!, getEdgeWeight: 'weight' });
  return { seconds: seconds(started), nodes: graph.order, ties: graph.size };
}

async function metricsBenchmark(): Promise<string[][]> {
  const organizations = Math.round(20_000 * scale);
  const perWorkshop = 20;
  // C(20, 2) = 190 co-attendance ties per workshop: 1,053 workshops give ~200,000 ties.
  const workshops = Math.max(2, Math.round((200_000 * scale) / 190));
  const dataDir = mkdtempSync(join(tmpdir(), 'kuhina-bench-network-'));
  try {
    await writeSyntheticNetwork(dataDir, organizations, perWorkshop, workshops);
    const config = loadConfig({ KUHINA_DATA_DIR: dataDir, KUHINA_DEMO: '0', KUHINA_API_KEYS: `bench:analyst:${KEY}` });
    const app = await createApp(config, { logLevel: 'silent' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${KEY}` } });
      const network = JSON.parse((await get(`/network?chainId=${CHAIN}`)).body) as NetworkAnswer;
      const limit = graphologyLimit(network);
      const started = process.hrtime.bigint();
      const answer = await get(`/network/metrics?chainId=${CHAIN}`);
      const endpoint = seconds(started);
      if (answer.statusCode !== 200) throw new Error(`GET /network/metrics answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
      const metrics = JSON.parse(answer.body) as NetworkMetrics;
      console.log(`network: ${metrics.network.nodes.toLocaleString('en')} nodes (${organizations.toLocaleString('en')} organisations), ${metrics.network.edges.toLocaleString('en')} ties; graphology graph: ${limit.nodes} nodes, ${limit.ties} ties`);
      return [
        ['graphology on the built graph (limit)', '', `${limit.seconds.toFixed(2)} s`, '1.00'],
        ['GET /network/metrics (views → answer)', '', `${endpoint.toFixed(2)} s`, (endpoint / limit.seconds).toFixed(2)],
      ];
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function replayBenchmark(): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-replay-'));
  try {
    const { storage, log, events, chainIds } = await writeBenchmarkLog(dir, scale);

    let started = process.hrtime.bigint();
    let read = 0;
    for (let after: bigint | null = null; ; ) {
      const page = await log.readAll(after, 10_000);
      if (page.length === 0) break;
      read += page.length;
      after = page[page.length - 1]!.position;
    }
    const raw = seconds(started);

    started = process.hrtime.bigint();
    const replayed = await replayNetworkFromLog(log, chainIds[0]!);
    const replay = seconds(started);
    await storage.close();
    console.log(`history: ${events.toLocaleString('en')} events; replayed network of chain 1: ${Object.keys(replayed.network.nodes).length} nodes, ${Object.keys(replayed.network.edges).length} edges`);
    const rawRate = read / raw;
    const replayRate = read / replay;
    return [
      ['raw read of the whole log (limit)', `${Math.round(rawRate).toLocaleString('en')} events/s`, `${raw.toFixed(1)} s`, '1.00'],
      ['time-travel replay of the whole log', `${Math.round(replayRate).toLocaleString('en')} events/s`, `${replay.toFixed(1)} s`, (replayRate / rawRate).toFixed(2)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // BENCH_PART=metrics|replay runs one half (profiling); default both.
  const part = process.env.BENCH_PART;
  const metrics = part === 'replay' ? [] : await metricsBenchmark();
  const replay = part === 'metrics' ? [] : await replayBenchmark();
  console.log(`\nNetwork benchmark (BENCH_SCALE=${scale}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log('| measure | speed | time | ratio to the limit |');
  console.log('|---|---|---|---|');
  for (const row of [...metrics, ...replay]) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
