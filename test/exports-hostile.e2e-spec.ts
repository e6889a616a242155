/**
 * Issue 16, point 3: formula smuggling through the CSV exports. A name with a bare CR and a formula is refused at the
 * door now; one already in the log (written before the rule, as old data might be) still comes out of every CSV in one
 * quoted cell of its own row, and a cell a spreadsheet would run is neutralised.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { NetworkAnswer } from '@kuhina/analytics';
import type { AuditLedger } from '@kuhina/application';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { organizationStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';

const chain = DEMO_CHAIN_ID;
const ISSUE_NAME = "Harmless Oy\r=cmd|' /C calc'!A0";
// What a spreadsheet would run if it started a cell: the old data below puts it at the start of the name too.
const OLD_NAME = "=cmd|' /C calc'!A0\rHarmless Oy";

const rowsOf = (csv: string): Array<Record<string, string>> => parse(csv, { columns: true });
const linesOf = (csv: string): string[][] => parse(csv);

describe('Exports against hostile names (issue 16: formula smuggling in the CSV)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
  }, 60_000);
  afterAll(() => api.close());

  it("refuses the issue's organisation name with a 400 naming the field and the rule, and appends nothing", async () => {
    const head = await api.headPosition();
    const answer = await api.post<Problem>('/organizations', { name: ISSUE_NAME, sector: 'sme' }, { headers: { 'idempotency-key': api.newKey() } });

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'body.name', rule: 'noControlCharacters' })]);
    expect(await api.headPosition()).toBe(head);
  });

  it('refuses NUL in a name as well', async () => {
    const nul = await api.post<Problem>('/organizations', { name: 'Null\u0000 Oy', sector: 'sme' }, { headers: { 'idempotency-key': api.newKey() } });

    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'body.name', rule: 'noControlCharacters' })]);
  });

  describe('a name with CR and = already in the log', () => {
    let organizationId: string;
    let position: string;
    beforeAll(async () => {
      // An organisation of the demo that pledged something: a node of the network and a line of the ledger.
      const ledger = (await api.get<AuditLedger>(`/audit/ledger?chainId=${chain}`, { as: 'auditor' })).body;
      organizationId = ledger.inKind.contributions[0]!.organizationId;
      // Straight into the log, past the deciders: as a name stored before the rule would be.
      const stream = organizationStream(organizationId);
      const events = await api.store().readStream(stream);
      const at = new Date().toISOString();
      const written = await api.store().append(
        stream,
        [
          {
            id: randomUUID(),
            type: 'OrganizationDetailsUpdated',
            data: { organizationId, at, name: OLD_NAME },
            metadata: { occurredAt: at, recordedAt: at, actor: 'old-data', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
          },
        ],
        events.at(-1)!.revision,
      );
      position = String(written.position);
    }, 30_000);

    it('csv-nodes parses to one row per node with the name in one neutralised cell', async () => {
      const json = await api.get<NetworkAnswer>(`/network?chainId=${chain}&consistentWith=${position}`, { as: 'analyst' });
      const csv = await api.get<string>(`/network?chainId=${chain}&format=csv-nodes`, { as: 'analyst' });
      const node = json.body.nodes.find((n) => n.entityId === organizationId);

      expect(node?.label).toBe(OLD_NAME);
      expect(csv.status).toBe(200);
      expect(csv.body).toContain(`"'${OLD_NAME}"`);
      const rows = rowsOf(csv.body);
      expect(rows).toHaveLength(json.body.nodes.length);
      expect(rows.find((row) => row.id === node!.id)?.label).toBe(`'${OLD_NAME}`);
      // No line of the file, read the way a spreadsheet splits rows, starts a cell with the formula.
      expect(linesOf(csv.body).every((line) => line.every((cell) => !cell.startsWith('=')))).toBe(true);
      expect(csv.body.split('\n').some((line) => line.startsWith('='))).toBe(false);
      expect((await api.get<string>(`/network?chainId=${chain}&format=csv&list=nodes`, { as: 'analyst' })).body).toBe(csv.body);
    });

    it('csv-edges keeps its rows too', async () => {
      const json = await api.get<NetworkAnswer>(`/network?chainId=${chain}&consistentWith=${position}`, { as: 'analyst' });
      const csv = await api.get<string>(`/network?chainId=${chain}&format=csv-edges`, { as: 'analyst' });

      expect(rowsOf(csv.body)).toHaveLength(json.body.edges.length);
    });

    it('the ledger CSV puts the name in one neutralised cell, as the network CSV does', async () => {
      const ledger = await api.get<AuditLedger>(`/audit/ledger?chainId=${chain}`, { as: 'auditor' });
      const items = await api.get<string>(`/audit/ledger?chainId=${chain}&format=csv`, { as: 'auditor' });
      const rows = rowsOf(items.body);
      const pledges = ledger.body.inKind.contributions.filter((c) => c.organizationId === organizationId);

      expect(pledges.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.organization_id === organizationId).map((row) => row.organization_name)).toEqual(pledges.map(() => `'${OLD_NAME}`));
      expect(items.body.split('\n').some((line) => line.startsWith('='))).toBe(false);
    });
  });
});
