import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_CHAIN_ID, PRIVACY_SECRETS } from '@kuhina/application';
import { personStream } from '@kuhina/domain';
import { verifyAll, type ChainedEventStore } from '@kuhina/event-store';
import { PersonalDataCipher, SqliteKeyStore, type EncryptedPersonalData, type PrivacySecrets } from '@kuhina/privacy';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

type ChainAnswer = { workshops: Array<{ workshopId: string }>; totals: Record<string, unknown> };
type NetworkAnswer = { nodes: Array<{ id: string }>; edges: Array<{ id: string }> };
type Registrations = { counts: Record<string, number>; registrations: Array<{ personId: string; person: { name: string | null; email: string | null; erased: boolean } }> };
type Person = { id: string; status: string; name?: string; email?: string | null };

describe('HTTP: erasure of personal data (crypto-shredding) on the 2023 demo', () => {
  let api: ApiHarness;
  let workshopIds: string[];
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    workshopIds = (await api.get<ChainAnswer>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${await api.headPosition()}`, { as: 'analyst' })).body.workshops.map((w) => w.workshopId);
  }, 60_000);
  afterAll(() => api.close());

  const secrets = () => api.app.get<symbol, PrivacySecrets>(PRIVACY_SECRETS);
  /** A cipher over its own connection to keys.db: what is on disk, not what a process has in memory. */
  const freshCipher = () => {
    const keys = new SqliteKeyStore(api.dataDir, secrets().masterKey);
    return { cipher: new PersonalDataCipher(keys), close: () => keys.close() };
  };
  const sealedOf = async (personId: string): Promise<EncryptedPersonalData> => {
    const [created] = await api.store().readStream(personStream(personId));
    return (created!.data as { personalData: EncryptedPersonalData }).personalData;
  };
  /** Whether these bytes are anywhere in keys.db or its WAL. */
  const onDisk = (bytes: Buffer): boolean =>
    ['keys.db', 'keys.db-wal'].some((file) => existsSync(join(api.dataDir, file)) && readFileSync(join(api.dataDir, file)).includes(bytes));
  /** Active demo participants of a workshop, from the back office's registrations list. */
  const participantsOf = async (workshopId: string): Promise<string[]> =>
    (await api.get<Registrations>(`/workshops/${workshopId}/registrations?consistentWith=${await api.headPosition()}`)).body.registrations.filter((r) => !r.person.erased).map((r) => r.personId);
  const erase = (personId: string, body: Record<string, unknown> = { reason: 'data subject request (GDPR Art. 17)' }, options: Parameters<ApiHarness['post']>[2] = {}) =>
    api.post<Written & Problem>(`/people/${personId}/erase`, body, options);

  /** Everything an analyst or the back office sees of the chain, at a log position. */
  const snapshot = async (position: string) => {
    const chain = await api.get<ChainAnswer>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${position}`, { as: 'analyst' });
    const network = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&consistentWith=${position}`, { as: 'analyst' });
    const counts = [];
    for (const workshopId of workshopIds) counts.push((await api.get<Registrations>(`/workshops/${workshopId}/registrations?consistentWith=${position}`)).body.counts);
    // The auditor's reports: every figure, its events and its people (pseudonyms); only how far they read may differ.
    const { lastPosition: _ledgerAt, ...ledger } = (await api.get<{ lastPosition: string }>(`/audit/ledger?chainId=${DEMO_CHAIN_ID}`, { as: 'auditor' })).body;
    const { lastPosition: _indicatorsAt, ...indicators } = (await api.get<{ lastPosition: string; participants: unknown }>(`/audit/indicators?chainId=${DEMO_CHAIN_ID}`, { as: 'auditor' })).body;
    return { chain: chain.body, nodes: network.body.nodes.map((n) => n.id).sort(), edges: network.body.edges.map((e) => e.id).sort(), counts, ledger, indicators };
  };

  describe('erasing one demo participant', () => {
    let personId: string;
    let email: string;
    let wrappedKey: Buffer;
    let before: Awaited<ReturnType<typeof snapshot>>;
    let erased: Awaited<ReturnType<typeof erase>>;

    beforeAll(async () => {
      // Someone who attended the first workshop and came back: the most connected kind of participant.
      const [first, second] = [await participantsOf(workshopIds[0]!), new Set(await participantsOf(workshopIds[1]!))];
      personId = first.find((id) => second.has(id))!;
      email = (await api.get<Person>(`/people/${personId}`)).body.email!;
      const keysDb = new Database(join(api.dataDir, 'keys.db'), { readonly: true });
      wrappedKey = (keysDb.prepare('SELECT key FROM keys WHERE subject_id = ?').get(personId) as { key: Buffer }).key;
      keysDb.close();
      expect(onDisk(wrappedKey)).toBe(true); // so that its absence afterwards means something
      before = await snapshot(await api.headPosition());

      erased = await erase(personId);
    }, 60_000);

    it('answers 200 { id, position } and GET /people/:id shows only { id, status: "erased" }', async () => {
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({ id: personId, position: expect.stringMatching(/^\d+$/) });
      const read = await api.get<Person>(`/people/${personId}?consistentWith=${erased.body.position}`);
      expect(read.body).toEqual({ id: personId, status: 'erased' });
      const [, event] = await api.store().readStream(personStream(personId));
      expect(event).toMatchObject({ type: 'PersonalDataErased', data: { erasedBy: 'office', reason: 'data subject request (GDPR Art. 17)' }, metadata: { actor: 'office' } });
    });

    it('leaves the chain figures, the network nodes and edges, every registration count, the audit ledger and the ESF indicators exactly as they were', async () => {
      const after = await snapshot(erased.body.position);

      expect(after.chain).toEqual(before.chain);
      expect(after.nodes).toEqual(before.nodes);
      expect(after.edges).toEqual(before.edges);
      expect(after.counts).toEqual(before.counts);
      expect(after.ledger).toEqual(before.ledger);
      expect(after.indicators).toEqual(before.indicators);
      expect(after.nodes.length).toBeGreaterThan(0);
      expect(JSON.stringify(after.indicators)).toContain('"female"');
    });

    it('shows the registrations as erased, with no name or e-mail', async () => {
      const list = await api.get<Registrations>(`/workshops/${workshopIds[0]}/registrations?consistentWith=${erased.body.position}`);

      const theirs = list.body.registrations.filter((r) => r.personId === personId);
      expect(theirs.length).toBeGreaterThan(0);
      for (const registration of theirs) expect(registration.person).toEqual({ name: null, email: null, erased: true });
      expect(JSON.stringify(list.body)).not.toContain(email);
    });

    it('keeps the hash chain of the log intact (audit verify)', async () => {
      const result = await verifyAll((api.store() as ChainedEventStore).storage);

      expect(result).toMatchObject({ intact: true });
    });

    it('leaves no key in keys.db: the row is a tombstone and the old wrapped bytes are nowhere in the file or its WAL', () => {
      const keysDb = new Database(join(api.dataDir, 'keys.db'), { readonly: true });
      const rows = keysDb.prepare('SELECT key FROM keys WHERE subject_id = ?').all(personId) as Array<{ key: Buffer | null }>;
      keysDb.close();

      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.key === null)).toBe(true);
      expect(wrappedKey.length).toBeGreaterThan(32);
      expect(onDisk(wrappedKey)).toBe(false);
    });

    it("makes the person's ciphertext in events.db undecryptable, while another participant's still decrypts", async () => {
      const other = (await participantsOf(workshopIds[0]!)).find((id) => id !== personId)!;
      const { cipher, close } = freshCipher();
      try {
        expect(await cipher.decrypt(await sealedOf(personId))).toBeNull();
        expect(await cipher.decrypt(await sealedOf(other))).toMatchObject({ name: expect.any(String) });
      } finally {
        await close();
      }
    });

    it('frees the e-mail: registering it again makes a new person', async () => {
      const again = await api.post<Written & { created: boolean }>('/people', { name: 'Returning participant', email });

      expect(again.status).toBe(201);
      expect(again.body.created).toBe(true);
      expect(again.body.id).not.toBe(personId);
    });

    it('erasing again answers 200 at the first erasure and records nothing', async () => {
      const head = await api.headPosition();

      const again = await erase(personId, { reason: 'second request' });

      expect([again.status, again.body]).toEqual([200, erased.body]);
      expect(await api.headPosition()).toBe(head);
    });
  });

  it('answers a retry with the same Idempotency-Key with the first answer', async () => {
    const personId = (await participantsOf(workshopIds[2]!))[0]!;
    const key = api.newKey();

    const first = await erase(personId, undefined, { headers: { 'idempotency-key': key } });
    const head = await api.headPosition();
    const retry = await erase(personId, undefined, { headers: { 'idempotency-key': key } });

    expect(first.status).toBe(200);
    expect([retry.status, retry.body]).toEqual([200, first.body]);
    expect(await api.headPosition()).toBe(head);
  });

  it('refuses an unknown person (404), a non-backoffice key (403) and a reason that could hold personal data (400), recording nothing', async () => {
    const personId = (await participantsOf(workshopIds[3]!))[0]!;
    const head = await api.headPosition();

    const unknown = await erase('7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70');
    const analyst = await erase(personId, undefined, { as: 'analyst' });
    const auditor = await erase(personId, undefined, { as: 'auditor' });
    const withEmail = await erase(personId, { reason: 'asked by aino.virtanen@example.org' });
    const withPhone = await erase(personId, { reason: 'phoned from +358 40 123 4567' });
    const missing = await erase(personId, {});

    expect([unknown.status, unknown.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
    expect([analyst.status, auditor.status]).toEqual([403, 403]);
    expect(withEmail.status).toBe(400);
    expect(withEmail.body.errors).toEqual([expect.objectContaining({ field: 'body.reason', rule: 'noPersonalData' })]);
    expect(withPhone.body.errors).toEqual([expect.objectContaining({ field: 'body.reason', rule: 'noPersonalData' })]);
    expect(missing.status).toBe(400);
    expect(await api.headPosition()).toBe(head);
    expect((await api.get<Person>(`/people/${personId}`)).body.status).toBe('active');
  });
});
