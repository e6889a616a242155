import { Command } from 'commander';
import type { RetentionReport } from '@kuhina/application';
import { personStream } from '@kuhina/domain';
import { registerRetention } from '../apps/cli/src/retention/retention.cli-command';
import { apiHarness, type ApiHarness, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

/**
 * Data entered through the HTTP API, then `kuhina retention run` on the same data folder, in-process through
 * commander as main.ts wires it (the same program options), so the command is tested before the binary registers it.
 */
describe('kuhina retention run: ESF+ retention over two chains (paid 2017 and 2023)', () => {
  let api: ApiHarness;
  const people: Record<'anna' | 'fay' | 'ben' | 'gus', string> = { anna: '', fay: '', ben: '', gus: '' };
  let chain2017: string;
  let chain2023: string;

  const kuhina = async (...args: string[]): Promise<string> => {
    const program = new Command().exitOverride().option('--data-dir <dir>').option('--kurrentdb-url <url>').option('--mongodb-url <url>');
    registerRetention(program);
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    // The API under test uses the embedded stores of its data folder: so must the CLI, whatever the environment says.
    const saved = { KURRENTDB_URL: process.env.KURRENTDB_URL, MONGODB_URL: process.env.MONGODB_URL };
    delete process.env.KURRENTDB_URL;
    delete process.env.MONGODB_URL;
    try {
      await program.parseAsync(['--data-dir', api.dataDir, ...args], { from: 'user' });
    } finally {
      log.mockRestore();
      Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, value]) => value !== undefined)));
    }
    return lines.join('\n');
  };
  const report = async (...args: string[]): Promise<RetentionReport> => JSON.parse(await kuhina('retention', 'run', '--json', ...args)) as RetentionReport;
  const statusOf = async (personId: string) => (await api.get<{ status: string }>(`/people/${personId}?consistentWith=${await api.headPosition()}`)).body.status;

  beforeAll(async () => {
    api = await apiHarness();
    const chainOf = async (year: string, paidOn: string) => {
      const chainId = (await api.post<Written>('/chains', { name: `Workshop chain ${year}`, fundingProgramme: 'ESF', esfOperationId: `ESF-${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` })).body.id;
      const workshopId = (await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, startsAt: `${year}-09-12T12:00:00+03:00`, endsAt: `${year}-09-12T15:00:00+03:00`, chainId })).body.id;
      expect((await api.post(`/workshops/${workshopId}/registration/open`, {})).status).toBe(200);
      expect((await api.post(`/chains/${chainId}/last-payment`, { paidOn })).body).toMatchObject({ retentionEndsOn: `${Number(paidOn.slice(0, 4)) + 5}-12-31` });
      return { chainId, workshopId };
    };
    const old = await chainOf('2017', '2017-06-30');
    const recent = await chainOf('2023', '2023-03-15');
    [chain2017, chain2023] = [old.chainId, recent.chainId];
    for (const name of Object.keys(people) as Array<keyof typeof people>) {
      people[name] = (await api.post<Written>('/people', { name: `${name} Participant`, email: `${name}.retention@example.org` })).body.id;
    }
    const register = async (workshopId: string, personId: string) => expect((await api.post(`/workshops/${workshopId}/registrations`, { personId, attendanceMode: 'on-site' })).status).toBe(201);
    await register(old.workshopId, people.anna);
    await register(old.workshopId, people.fay);
    await register(old.workshopId, people.ben);
    await register(recent.workshopId, people.ben); // also in the chain still within retention
    await register(recent.workshopId, people.gus);
  }, 60_000);
  afterAll(() => api.close());

  it('--dry-run lists only the people of the 2017 chain who are not in the 2023 one, by id, and changes nothing', async () => {
    const head = await api.headPosition();

    const dry = await report('--dry-run', '--today', '2024-01-01');
    const text = await kuhina('retention', 'run', '--dry-run', '--today', '2024-01-01');

    expect(dry.dryRun).toBe(true);
    expect(dry.due.map((candidate) => candidate.personId)).toEqual([people.anna, people.fay].sort());
    expect(dry.due[0]!.chains).toEqual([{ chainId: chain2017, retentionEndsOn: '2022-12-31' }]);
    expect(dry.chains).toEqual(
      expect.arrayContaining([
        { chainId: chain2017, retentionEndsOn: '2022-12-31', over: true },
        { chainId: chain2023, retentionEndsOn: '2028-12-31', over: false },
      ]),
    );
    expect(text).toContain('dry run: nothing changed');
    expect(text).toContain(people.anna);
    expect(text).toContain(people.fay);
    expect(text).not.toContain(people.ben);
    expect(await api.headPosition()).toBe(head);
    expect(await statusOf(people.anna)).toBe('active');
  });

  it('the real run erases them with actor retention; the others stay', async () => {
    const run = await report('--today', '2024-01-01');

    expect(run.erased).toEqual([people.anna, people.fay].sort());
    for (const personId of [people.anna, people.fay]) {
      expect(await statusOf(personId)).toBe('erased');
      const [, erased] = await api.store().readStream(personStream(personId));
      expect(erased).toMatchObject({ type: 'PersonalDataErased', data: { erasedBy: 'retention', reason: `ESF+ retention period over (chain ${chain2017} ended 2022-12-31)` }, metadata: { actor: 'retention' } });
    }
    expect(await statusOf(people.ben)).toBe('active');
    expect(await statusOf(people.gus)).toBe('active');
  });

  it('a second run does nothing', async () => {
    const head = await api.headPosition();

    const again = await report('--today', '2024-01-01');

    expect([again.due, again.erased, again.completed]).toEqual([[], [], []]);
    expect(await api.headPosition()).toBe(head);
  });

  it('refuses a --today that is not a calendar date, before touching anything', async () => {
    await expect(kuhina('retention', 'run', '--today', '31.12.2024')).rejects.toThrow(/--today must be a calendar date YYYY-MM-DD/);
  });
});
