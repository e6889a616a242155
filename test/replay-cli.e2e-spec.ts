import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import type { NetworkAnswer } from '@kuhina/analytics';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { kuhinaCli } from './support/cli-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('kuhina replay (built binary, demo data)', () => {
  let dir: string;
  const cli = (...args: string[]) => kuhinaCli('--data-dir', dir, ...args);
  const json = async (...args: string[]) => JSON.parse((await cli('replay', '--chain', DEMO_CHAIN_ID, '--format', 'json', ...args)).stdout) as NetworkAnswer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-replay-'));
    expect((await cli('seed', 'demo')).code).toBe(0);
    // Organisation names come from the views: build them as the API's projector would have.
    expect((await cli('projections', 'rebuild')).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays until a date: fewer nodes than now, nothing created after that day, people only as pseudonyms', async () => {
    const now = await json();
    const then = await json('--until', '2023-06-14');

    expect(now.nodes.length).toBeGreaterThan(then.nodes.length);
    expect(then.nodes.length).toBeGreaterThan(0);
    expect([...then.nodes, ...then.edges].every((item) => item.createdBy.date.slice(0, 10) <= '2023-06-14')).toBe(true);
    const people = now.nodes.filter((node) => node.type === 'person');
    expect(people.length).toBeGreaterThan(100);
    expect(people.some((node) => UUID.test(node.entityId))).toBe(false);
    expect(now.nodes.filter((node) => node.type === 'organization').every((node) => typeof node.label === 'string')).toBe(true);
  }, 60_000);

  it('keeps only the attendances of --roles, and refuses an unknown role', async () => {
    const now = await json();
    const participants = await json('--roles', 'participant');
    const bad = await cli('replay', '--chain', DEMO_CHAIN_ID, '--roles', 'participant,boss');

    const participated = (answer: NetworkAnswer) => answer.edges.filter((edge) => edge.type === 'participated');
    expect(participated(participants).length).toBeGreaterThan(0);
    expect(participated(participants).every((edge) => edge.role === 'participant')).toBe(true);
    expect(participated(participants).length).toBe(participated(now).filter((edge) => edge.role === 'participant').length);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('must be a comma-separated list of participant, organiser, host, speaker');
  }, 60_000);

  it('writes GEXF, GraphML, Kumu and the two CSV lists to --out, each parsing back to the same network', async () => {
    const expected = await json('--until', '2023-09-30');
    const out = (name: string) => join(dir, name);

    const written = await Promise.all([
      cli('replay', '--chain', DEMO_CHAIN_ID, '--until', '2023-09-30', '--format', 'gexf', '--out', out('net.gexf')),
      cli('replay', '--chain', DEMO_CHAIN_ID, '--until', '2023-09-30', '--format', 'graphml', '--out', out('net.graphml')),
      cli('replay', '--chain', DEMO_CHAIN_ID, '--until', '2023-09-30', '--format', 'kumu', '--out', out('net.kumu.json')),
      cli('replay', '--chain', DEMO_CHAIN_ID, '--until', '2023-09-30', '--format', 'csv', '--out', out('net.csv')),
    ]);

    expect(written.map((result) => result.code)).toEqual([0, 0, 0, 0]);
    expect(written[3]!.stdout).toContain('net-nodes.csv');
    const ids = expected.nodes.map((node) => node.id).sort();
    expect(parseGexf(Graph, readFileSync(out('net.gexf'), 'utf8'), { allowUndeclaredAttributes: true }).nodes().sort()).toEqual(ids);
    expect(parseGraphml(Graph, readFileSync(out('net.graphml'), 'utf8')).order).toBe(ids.length);
    expect((JSON.parse(readFileSync(out('net.kumu.json'), 'utf8')) as { connections: unknown[] }).connections).toHaveLength(expected.edges.length);
    expect((parseCsv(readFileSync(out('net-nodes.csv'), 'utf8'), { columns: true }) as Array<{ id: string }>).map((row) => row.id).sort()).toEqual(ids);
    expect(parseCsv(readFileSync(out('net-edges.csv'), 'utf8'), { columns: true })).toHaveLength(expected.edges.length);
  }, 120_000);

  it('shows a progress bar with events/s when asked (and on long logs), and refuses bad arguments', async () => {
    const shown = await cli('replay', '--chain', DEMO_CHAIN_ID, '--progress', '--format', 'gexf', '--out', join(dir, 'p.gexf'));
    const badFormat = await cli('replay', '--chain', DEMO_CHAIN_ID, '--format', 'xlsx');
    const badDate = await cli('replay', '--chain', DEMO_CHAIN_ID, '--until', 'juhannus');
    const csvToStdout = await cli('replay', '--chain', DEMO_CHAIN_ID, '--format', 'csv');

    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/replaying .*events\/s/);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toContain('must be one of gexf, graphml, csv, kumu, json');
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('must be an ISO 8601 date');
    expect(csvToStdout.code).not.toBe(0);
    expect(existsSync(join(dir, 'p.gexf'))).toBe(true);
  }, 60_000);

  it('kuhina export writes the network as it stands (the same as a replay to now), the audit ledger as CSV and the ESF indicators, people as pseudonyms', async () => {
    const exported = await cli('export', 'network', '--chain', DEMO_CHAIN_ID, '--format', 'json');
    const replayed = await cli('replay', '--chain', DEMO_CHAIN_ID, '--format', 'json');
    const ledger = await cli('export', 'ledger', '--chain', DEMO_CHAIN_ID, '--format', 'csv', '--out', join(dir, 'ledger.csv'));
    const indicators = await cli('export', 'indicators', '--chain', DEMO_CHAIN_ID);
    const wrong = await cli('export', 'ledger', '--chain', DEMO_CHAIN_ID, '--format', 'gexf');

    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(replayed.stdout));
    expect(ledger.code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'ledger.csv'), 'utf8'), { columns: true }) as Array<{ section: string; last_event_id: string }>;
    expect(rows.filter((row) => row.section === 'expense').length).toBeGreaterThan(10);
    expect(rows.every((row) => row.last_event_id.length === 36)).toBe(true);
    const parsed = JSON.parse(indicators.stdout) as { participants: { total: { value: number; people: string[] } } };
    expect(parsed.participants.total.value).toBeGreaterThan(50);
    expect(parsed.participants.total.people.some((person) => UUID.test(person))).toBe(false);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--format for ledger must be one of json, csv, csv-history');
  }, 60_000);
});
