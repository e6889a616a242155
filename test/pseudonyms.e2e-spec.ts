import { createHash } from 'node:crypto';
import { NETWORK_EXPORT_FORMATS } from '@kuhina/analytics';
import { PERSONAL_DATA_ACCESSED } from '@kuhina/application';
import { parsePersonStream, parseStaffStream } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { apiHarness, type ApiHarness } from './support/api-harness';

type Person = { status: string; name?: string; email?: string | null; phone?: string | null };
type Registrations = { registrations: Array<{ personId: string; person: { name: string | null; email: string | null } }> };

/**
 * Pseudonyms hold everywhere (issue 16): whatever an analyst or an auditor can ask for on the demo — reports, exports,
 * views, the access log and the trace of every kind of event — names no person by id, name or e-mail. The backoffice
 * reads everyone first, so the log holds access events naming people (the trace of one used to be the whole map).
 */
describe('Pseudonyms on the 2023 demo: no answer for analysts or auditors names a person', () => {
  let api: ApiHarness;
  let log: RecordedEvent[];
  let head: string;
  /** Person ids (lower case), names and e-mails: what must never show. */
  const personIds = new Set<string>();
  const personal = new Set<string>();
  const hashes = new Set<string>();
  const chains: string[] = [];
  const workshops: string[] = [];

  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    const demo = await api.store().readAll(null, 1_000_000);
    for (const event of demo) {
      const id = parsePersonStream(event.stream) ?? parseStaffStream(event.stream);
      if (id !== null) personIds.add(id.toLowerCase());
      if (event.type === 'ChainStarted') chains.push((event.data as { chainId: string }).chainId);
      if (event.type === 'WorkshopPlanned') workshops.push((event.data as { workshopId: string }).workshopId);
    }
    // The backoffice reads every registrations list, then alone a few people and everyone no list showed: names and
    // e-mails to look for, and access events of both kinds to trace (every person once would only make more traces).
    const listed = new Set<string>();
    for (const id of workshops) {
      const list = await api.get<Registrations>(`/workshops/${id}/registrations`);
      expect(list.status).toBe(200);
      for (const { personId, person } of list.body.registrations) {
        listed.add(personId.toLowerCase());
        for (const value of [person.name, person.email]) if (typeof value === 'string' && value.length > 0) personal.add(value);
      }
    }
    for (const id of [...personIds].filter((id, index) => index < 5 || !listed.has(id))) {
      const person = await api.get<Person>(`/people/${id}`);
      expect(person.status).toBe(200);
      for (const value of [person.body.name, person.body.email, person.body.phone]) if (typeof value === 'string' && value.length > 0) personal.add(value);
    }
    // An e-mail claim's stream and events carry the e-mail's blind index: keyed, so no plain hash of an address may show either.
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const email of [...personal].filter((value) => value.includes('@'))) for (const text of [email, email.toLowerCase(), `email:${email.toLowerCase()}`]) hashes.add(sha256(text));
    log = await api.store().readAll(null, 1_000_000);
    head = log.at(-1)!.position.toString();
  }, 60_000);
  afterAll(() => api.close());

  /** What of the people an answer shows: ids and hashes in any case (found by their shape, then looked up), names and e-mails as written. */
  const leaksIn = (body: unknown): string[] => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const lower = text.toLowerCase();
    const ids = (lower.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).filter((id) => personIds.has(id));
    const hashed = (lower.match(/[0-9a-f]{64}/g) ?? []).filter((hash) => hashes.has(hash));
    return [...new Set([...ids, ...hashed]), ...[...personal].filter((value) => text.includes(value))];
  };

  /** Every answer's leaks by URL, for both roles; a 403 is no answer (the role may not read it); anything else but 200 fails. */
  const leaksOf = async (urls: string[], ignore: (url: string, body: unknown) => unknown = (_url, body) => body): Promise<Record<string, string[]>> => {
    const found: Record<string, string[]> = {};
    for (const as of ['auditor', 'analyst'] as const) {
      for (const url of urls) {
        const answer = await api.get(url, { as });
        if (answer.status === 403) continue;
        expect([as, url, answer.status]).toEqual([as, url, 200]);
        const leaks = leaksIn(ignore(url, answer.body));
        if (leaks.length > 0) found[`${as} ${url}`] = leaks.slice(0, 5);
      }
    }
    return found;
  };

  it('has people to look for: ids, names and e-mails of the demo, and the accesses that revealed them', () => {
    expect(personIds.size).toBeGreaterThan(50);
    expect([...personal].filter((value) => value.includes('@')).length).toBeGreaterThan(50);
    expect([...personal].filter((value) => !value.includes('@')).length).toBeGreaterThan(50);
    expect(log.filter((event) => event.type === PERSONAL_DATA_ACCESSED && (event.data as { endpoint: { route: string } }).endpoint.route === '/people/:id').length).toBeGreaterThanOrEqual(5);
    expect(log.filter((event) => event.type === PERSONAL_DATA_ACCESSED).length).toBeGreaterThan(workshops.length);
  });

  it('the ledger (json, csv, csv-history) and the indicators', async () => {
    const urls = chains.flatMap((chain) => [`/audit/ledger?chainId=${chain}`, `/audit/ledger?chainId=${chain}&format=csv`, `/audit/ledger?chainId=${chain}&format=csv-history`, `/audit/indicators?chainId=${chain}`]);

    expect(await leaksOf(urls)).toEqual({});
  });

  it('the trace of one event of every type in the log, and of every access event', async () => {
    const oneOfEach = [...new Map(log.map((event) => [event.type, event.id])).values()];
    const accesses = log.filter((event) => event.type === PERSONAL_DATA_ACCESSED).map((event) => event.id);
    expect(oneOfEach.length).toBeGreaterThan(30);

    expect(await leaksOf([...new Set([...oneOfEach, ...accesses])].map((id) => `/audit/trace/${id}`))).toEqual({});
  });

  it('the access log of people read alone and in lists (the person asked about is the one the auditor named)', async () => {
    // The first five were read alone (GET /people/:id names them as the endpoint's id) and in lists.
    const some = [...personIds].slice(0, 5);
    const answers = await leaksOf(
      some.map((id) => `/audit/access-log?personId=${id}`),
      // The answer repeats the id it was asked for: the auditor knows it already; everything else must be pseudonyms.
      (_url, body) => ({ ...(body as object), personId: undefined }),
    );

    expect(answers).toEqual({});
  });

  it('the network in every format, its metrics, the chains, every workshop and its feedback', async () => {
    const formats = [...NETWORK_EXPORT_FORMATS.map((format) => `&format=${format}`), '&format=csv&list=nodes', '&format=csv&list=edges', ''];
    const urls = [
      ...chains.flatMap((chain) => [...formats.map((format) => `/network?chainId=${chain}${format}`), `/network/metrics?chainId=${chain}`, `/chains/${chain}`]),
      '/chains',
      '/organizations',
      ...workshops.flatMap((workshop) => [`/workshops/${workshop}`, `/workshops/${workshop}/feedback`]),
    ].map((url) => `${url}${url.includes('?') ? '&' : '?'}consistentWith=${head}`);

    expect(await leaksOf(urls)).toEqual({});
  });
});
