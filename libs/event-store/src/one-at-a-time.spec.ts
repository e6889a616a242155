import { OneAtATime } from './one-at-a-time';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OneAtATime', () => {
  it("runs one key's tasks one after another, in order, and other keys' tasks meanwhile", async () => {
    const sut = new OneAtATime<string>();
    const log: string[] = [];
    const release: Record<string, () => void> = {};
    const task = (name: string) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        release[name] = () => resolve(name);
      });

    const a1 = sut.run('a', task('a1'));
    const a2 = sut.run('a', task('a2'));
    const b1 = sut.run('b', task('b1'));
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);

    release.a1!();
    await expect(a1).resolves.toBe('a1');
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'start a2']);
    release.a2!();
    release.b1!();
    await expect(Promise.all([a2, b1])).resolves.toEqual(['a2', 'b1']);
  });

  it('goes on with the next task of a key after one failed, and gives each caller its own outcome', async () => {
    const sut = new OneAtATime<string>();

    const failed = sut.run('a', () => Promise.reject(new Error('conflict')));
    const next = sut.run('a', () => Promise.resolve('done'));

    await expect(failed).rejects.toThrow('conflict');
    await expect(next).resolves.toBe('done');
  });
});
