import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restrictDataFolder, restrictSqliteFiles } from './owner-only';

const posix = process.platform !== 'win32';
const mode = (path: string): number => statSync(path).mode & 0o777;

(posix ? describe : describe.skip)('owner-only file modes (issue 16, point 5)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'kuhina-modes-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('tightens a 0755 data folder, its subfolders and its 0644 files to 0700/0600, and says what it changed', () => {
    const data = join(root, 'data');
    mkdirSync(join(data, 'sub'), { recursive: true });
    chmodSync(data, 0o755);
    chmodSync(join(data, 'sub'), 0o755);
    for (const name of ['events.db', 'events.db-wal', 'views.db', 'sub/x.lock']) {
      writeFileSync(join(data, name), '');
      chmodSync(join(data, name), 0o644);
    }
    writeFileSync(join(data, 'already.db'), '', { mode: 0o600 });

    const notes = restrictDataFolder(data);

    expect(mode(data)).toBe(0o700);
    expect(mode(join(data, 'sub'))).toBe(0o700);
    for (const name of ['events.db', 'events.db-wal', 'views.db', 'sub/x.lock']) expect(mode(join(data, name))).toBe(0o600);
    expect(notes).toContain(`${join(data, 'events.db')}: 0644 → 0600`);
    expect(notes).toContain(`${data}: 0755 → 0700`);
    expect(notes.some((note) => note.includes('already.db'))).toBe(false);
    expect(restrictDataFolder(data)).toEqual([]);
  });

  it('leaves what a link points to alone: chmod would follow it out of the folder', () => {
    const data = join(root, 'data');
    mkdirSync(data, { mode: 0o700 });
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, '');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(data, 'link'));

    restrictDataFolder(data);

    expect(mode(outside)).toBe(0o644);
  });

  it('tightens an embedded database and the -wal/-shm already beside it', () => {
    const file = join(root, 'views.db');
    for (const suffix of ['', '-wal', '-shm']) {
      writeFileSync(file + suffix, '');
      chmodSync(file + suffix, 0o644);
    }

    restrictSqliteFiles(file);

    for (const suffix of ['', '-wal', '-shm']) expect(mode(file + suffix)).toBe(0o600);
  });
});
