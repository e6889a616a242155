import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventTrace } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { apiHarness, KEYS, type ApiAnswer, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { kuhinaCli } from './support/cli-runner';

// A person behind every fact: API keys belong to named users (`kuhina keys add|list|revoke`), the name is the actor of
// what the key writes, a running API sees the CLI's changes within a second, and only digests are stored.
const RELOAD_MS = 1000;
const sha256 = (key: string): string => `sha256:${createHash('sha256').update(key).digest('hex')}`;
const rauma = { name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta' };
const bearer = (key: string) => ({ as: null, headers: { authorization: `Bearer ${key}` } });

/** Polls until `done` holds (or the deadline passes): how long a change took to show, without a fixed sleep. */
async function until<T>(attempt: () => Promise<T>, done: (value: T) => boolean, deadlineMs = RELOAD_MS * 3): Promise<{ value: T; elapsed: number }> {
  const started = Date.now();
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() - started > deadlineMs) return { value, elapsed: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every path of a JSON value whose value is null. */
const nullsIn = (value: unknown, path = ''): string[] =>
  value === null ? [path] : typeof value === 'object' ? Object.entries(value as object).flatMap(([key, inner]) => nullsIn(inner, `${path}.${key}`)) : [];
/** A trace without the event's own data (domain data may hold nulls of its own: an unset field). */
const envelopeOf = (trace: EventTrace) => ({ ...trace, event: { ...trace.event, data: undefined } });

describe('named API users: kuhina keys add, list, revoke against a running API', () => {
  let api: ApiHarness;
  const keys = (...args: string[]) => kuhinaCli('--data-dir', api.dataDir, 'keys', ...args);
  beforeAll(async () => {
    api = await apiHarness();
  }, 60_000);
  afterAll(() => api.close());

  async function addUser(name: string, role: string): Promise<string> {
    const added = await keys('add', name, '--role', role, '--json');
    expect({ code: added.code, stderr: added.stderr }).toEqual({ code: 0, stderr: '' });
    return (JSON.parse(added.stdout) as { key: string }).key;
  }

  it('a key made by `keys add` works within a second, and the events written with it name the user as actor — in the log and in the trace', async () => {
    const key = await addUser('Maija Virtanen', 'backoffice');

    const seen = await until(() => api.get('/chains', bearer(key)), (answer) => answer.status === 200);
    expect(seen.value.status).toBe(200);
    expect(seen.elapsed).toBeLessThan(RELOAD_MS * 2);
    const written = await api.post<Written>('/organizations', rauma, { ...bearer(key), headers: { ...bearer(key).headers, 'x-request-id': 'maija-adds-rauma' } });
    expect(written.status).toBe(201);

    const [event] = (await api.store().readAll(BigInt(written.body.position) - 1n, 1)) as RecordedEvent[];
    expect(event).toMatchObject({ type: 'OrganizationRegistered', metadata: { actor: 'Maija Virtanen', correlationId: written.headers['x-request-id'] } });
    const trace = await api.get<EventTrace>(`/audit/trace/${event!.id}`, { as: 'auditor' });
    expect(trace.status).toBe(200);
    expect(trace.body.recordedBy).toBe('Maija Virtanen');
    expect(trace.body.causedBy).toEqual({
      kind: 'command',
      id: event!.metadata.causationId,
      request: written.headers['x-request-id'],
      summary: `Recorded by Maija Virtanen for command ${event!.metadata.causationId} in request ${String(written.headers['x-request-id'])}: its only event.`,
    });
    expect(nullsIn(envelopeOf(trace.body))).toEqual([]);
    // The harness's KUHINA_API_KEYS keep working beside the named users, under their own names.
    const office = await api.post<Written>('/organizations', { ...rauma, name: 'Porin kaupunki', municipality: 'Pori' });
    expect(office.status).toBe(201);
    expect((await api.store().readAll(BigInt(office.body.position) - 1n, 1))[0]!.metadata.actor).toBe('office');
  }, 60_000);

  it('keys list names users and roles but never a key; a revoked key answers 401 (problem+json) within a second; revoking twice is fine, an unknown name is not', async () => {
    const key = await addUser('aino.auditor', 'auditor');
    await until(() => api.get('/audit/verify', bearer(key)), (answer) => answer.status === 200);

    const listed = await keys('list');
    const json = await keys('list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/aino\.auditor\s+auditor\s+\d{4}-\d{2}-\d{2}T\S+\s+-/);
    expect(listed.stdout + json.stdout).not.toContain(key);
    expect(listed.stdout + json.stdout).not.toContain('kuhina_');
    const users = (JSON.parse(json.stdout) as { users: Array<Record<string, unknown>> }).users;
    expect(users.find((user) => user.name === 'aino.auditor')).toEqual({ name: 'aino.auditor', role: 'auditor', createdAt: expect.any(String), revokedAt: null });
    expect(users.every((user) => Object.keys(user).sort().join() === 'createdAt,name,revokedAt,role')).toBe(true);

    const revoked = await keys('revoke', 'aino.auditor');
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining('Revoked aino.auditor (auditor)') });
    const refused = await until(() => api.get<Problem & { detail: string }>('/audit/verify', bearer(key)), (answer) => answer.status === 401);
    expect(refused.value.status).toBe(401);
    expect(refused.elapsed).toBeLessThan(RELOAD_MS * 2);
    expect(refused.value.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.value.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', detail: expect.stringContaining('revoked') });

    const again = await keys('revoke', 'aino.auditor');
    const unknown = await keys('revoke', 'nobody-here');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('revoked already') });
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('no API user named "nobody-here"') });
    expect(unknown.stderr).not.toMatch(/^\s+at /m);
    const after = JSON.parse((await keys('list', '--json')).stdout) as { users: Array<{ name: string; revokedAt: string | null }> };
    expect(after.users.find((user) => user.name === 'aino.auditor')!.revokedAt).toEqual(expect.any(String));
  }, 90_000);

  it('a trace of an event with no cause but its request says so, and prints no null', async () => {
    const person = await api.post<Written>('/people', { name: 'Helmi Mäkinen' });
    const read = await api.get(`/people/${person.body.id}?consistentWith=${person.body.position}`, { headers: { 'x-request-id': 'office-reads-helmi' } });
    expect(read.status).toBe(200);
    const access = (await api.store().readAll(null, 10_000)).find((event) => event.type === 'PersonalDataAccessed' && event.metadata.correlationId === read.headers['x-request-id'])!;
    expect(access.metadata.causationId).toBeNull();

    const trace = await api.get<EventTrace>(`/audit/trace/${access.id}`, { as: 'auditor' });

    expect(trace.body.recordedBy).toBe('office');
    const requestId = String(read.headers['x-request-id']);
    expect(trace.body.causedBy).toEqual({ kind: 'request', id: requestId, summary: `Recorded by office in request ${requestId}, with no command or event named as its cause.` });
    expect('causationId' in trace.body.event).toBe(false);
    expect(nullsIn(envelopeOf(trace.body))).toEqual([]);
  }, 30_000);

  it('refuses junk names and roles with one message and exit 1, never a stack trace, and the user file stays whole', async () => {
    // Each run is a process (seconds each on a busy machine): a few of each kind, side by side.
    const junk = ['', 'x'.repeat(5_000), 'bidi\u202eevil', 'seed', 'Auditor', 'MAIJA VIRTANEN'];
    const runs = [...junk.map((value) => ['add', value, '--role', 'analyst']), ['add', 'ok-name', '--role', 'admin'], ['revoke', 'x'.repeat(5_000)], ['list', 'extra']];
    const results = await Promise.all(runs.map((args) => keys(...args)));
    for (const [i, result] of results.entries()) {
      const what = `keys ${runs[i]!.join(' ').slice(0, 80)} → ${result.code}: ${result.stderr.slice(0, 200)}`;
      expect({ what, code: result.code, message: result.stderr.trim().length > 0, trace: /^\s+at /m.test(result.stderr) }).toEqual({ what, code: 1, message: true, trace: false });
    }
    const users = (JSON.parse((await keys('list', '--json')).stdout) as { users: Array<{ name: string }> }).users.map((user) => user.name);
    expect(users.filter((name) => name.toLowerCase() === 'maija virtanen')).toHaveLength(1);
    expect(users).not.toContain('ok-name');
  }, 90_000);
});

describe('kuhina keys on a folder of its own: concurrent adds, no event log needed', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists nothing and creates nothing where there is no folder yet', async () => {
    const missing = join(dir, 'not-there');
    const listed = await kuhinaCli('--data-dir', missing, 'keys', 'list');

    expect(listed).toMatchObject({ code: 0, stdout: expect.stringContaining('No API users') });
    expect(existsSync(missing)).toBe(false);
  }, 30_000);

  it('six `keys add` at once all land (a lock, and each write renamed into place), each with its own key, and nothing else is left in the folder', async () => {
    const folder = join(dir, 'concurrent');
    const names = Array.from({ length: 6 }, (_, i) => `person-${i}`);

    const results = await Promise.all(names.map((name, i) => kuhinaCli('--data-dir', folder, 'keys', 'add', name, '--role', (['backoffice', 'analyst', 'auditor'] as const)[i % 3], '--json')));

    expect(results.map((result) => result.code)).toEqual(names.map(() => 0));
    const made = results.map((result) => JSON.parse(result.stdout) as { name: string; key: string });
    const stored = JSON.parse(readFileSync(join(folder, 'api-users.json'), 'utf8')) as { users: Array<{ name: string; keyDigest: string }> };
    expect(stored.users.map((user) => user.name).sort()).toEqual([...names].sort());
    for (const { name, key } of made) expect(stored.users.find((user) => user.name === name)!.keyDigest).toBe(sha256(key));
    expect(new Set(made.map((entry) => entry.key)).size).toBe(names.length);
    expect(readdirSync(folder)).toEqual(['api-users.json']);
    expect(statSync(join(folder, 'api-users.json')).mode & 0o777).toBe(0o600);
  }, 60_000);
});

describe('first start and upgrade', () => {
  const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');
  const port = 36_000 + (process.pid % 1000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-keys-start-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function start(): Promise<{ child: ChildProcess; output: () => string }> {
    const env = { ...process.env, KUHINA_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', KURRENTDB_URL: '', MONGODB_URL: '', KUHINA_API_KEYS: '', KUHINA_DEMO: '0' };
    const child = spawn(process.execPath, [main], { env });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Up to the banner's line after the keys.
    for (const deadline = Date.now() + 30_000; !/^\s+data:/m.test(output); ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { child, output: () => output };
  }
  async function stop(child: ChildProcess): Promise<void> {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  const get = async (path: string, key: string): Promise<number> => (await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${key}` } })).status;

  it('with no KUHINA_API_KEYS and no users, makes one placeholder user per role, prints their keys once, and stores only digests', async () => {
    const first = await start();
    const printed = [...first.output().matchAll(/^\s+(first-\w+)\s+(\w+)\s+(kuhina_\S+)$/gm)].map(([, name, role, key]) => ({ name: name!, role: role!, key: key! }));
    const statuses = await Promise.all(printed.map(({ key }) => get('/chains', key)));
    await stop(first.child);

    expect(printed.map(({ name, role }) => `${name} ${role}`)).toEqual(['first-backoffice backoffice', 'first-analyst analyst', 'first-auditor auditor']);
    expect(first.output()).toContain('kuhina keys add <name> --role backoffice|analyst|auditor');
    expect(statuses).toEqual([200, 200, 200]);
    const file = join(dir, 'api-users.json');
    const text = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((JSON.parse(text) as { users: Array<{ keyDigest: string }> }).users.map((user) => user.keyDigest)).toEqual(printed.map(({ key }) => sha256(key)));
    for (const { key } of printed) expect(text).not.toContain(key);
    expect(existsSync(join(dir, 'api-keys.json'))).toBe(false);

    // Shown once: the next start names the users, not their keys, and the keys still work.
    const second = await start();
    const status = await get('/chains', printed[2]!.key);
    await stop(second.child);
    expect(second.output()).not.toContain('kuhina_');
    expect(second.output()).toContain(`the named users of ${file}: 3 users`);
    expect(status).toBe(200);
  }, 90_000);

  it("moves the plain api-keys.json of an earlier version into the user file on start: its keys keep working as their old names, and the plain file is deleted", async () => {
    const old = [
      { name: 'backoffice', role: 'backoffice', key: 'kuhina_backoffice_9dX2b7oYbD0s2hZlqkq9Jx1gEwTn4mA' },
      { name: 'auditor', role: 'auditor', key: 'kuhina_auditor_Q0c8mVfZ7oWf1aT3yR6uN5eK2pLhBs4dG' },
    ];
    writeFileSync(join(dir, 'api-keys.json'), JSON.stringify({ note: 'Kuhina API keys', keys: old }, null, 2), { mode: 0o600 });
    const api = await apiHarness({ env: { KUHINA_DATA_DIR: dir, KUHINA_API_KEYS: '' } });
    try {
      const written: ApiAnswer<Written> = await api.post<Written>('/organizations', rauma, bearer(old[0]!.key));
      const audited = await api.get('/audit/verify', bearer(old[1]!.key));
      const harnessKey = await api.get('/chains', bearer(KEYS.backoffice));

      expect(written.status).toBe(201);
      expect((await api.store().readAll(BigInt(written.body.position) - 1n, 1))[0]!.metadata.actor).toBe('backoffice');
      expect(audited.status).toBe(200);
      expect(harnessKey.status).toBe(401);
      expect(existsSync(join(dir, 'api-keys.json'))).toBe(false);
      const text = readFileSync(join(dir, 'api-users.json'), 'utf8');
      for (const { key } of old) expect(text).not.toContain(key);
      expect((JSON.parse(text) as { users: Array<{ name: string; role: string; keyDigest: string }> }).users.map(({ name, role, keyDigest }) => ({ name, role, keyDigest }))).toEqual(
        old.map(({ name, role, key }) => ({ name, role, keyDigest: sha256(key) })),
      );
    } finally {
      await api.app.close();
    }
  }, 60_000);
});
