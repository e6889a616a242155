import { chmodSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

const modeText = (mode: number): string => mode.toString(8).padStart(4, '0');

/**
 * Takes the group's and others' access off an embedded database and its -wal/-shm/-journal companions (0644 → 0600). SQLite gives a new companion the
 * main file's mode, so fixing the main file covers the ones made later; the ones already there are fixed here.
 * Returns what it changed. A no-op on Windows, where these modes do not exist.
 */
export function restrictSqliteFiles(file: string): string[] {
  if (process.platform === 'win32' || file === ':memory:') return [];
  const changed: string[] = [];
  for (const suffix of SQLITE_COMPANIONS) {
    const note = restrict(file + suffix);
    if (note) changed.push(note);
  }
  return changed;
}

/**
 * Tightens a data folder, whatever existed before: the folder and every folder under it 0700, every file 0600
 * (group and others lose all access).
 * Symbolic links are left alone (chmod would follow them out of the folder). Returns one line per change, for the log.
 */
export function restrictDataFolder(dir: string): string[] {
  if (process.platform === 'win32') return [];
  const changed: string[] = [];
  const walk = (path: string, isRoot: boolean): void => {
    const stat = isRoot ? null : lstatSync(path);
    if (stat?.isSymbolicLink()) return;
    const folder = isRoot || stat!.isDirectory();
    if (!folder && !stat!.isFile()) return;
    const note = restrict(path);
    if (note) changed.push(note);
    if (folder) for (const name of readdirSync(path)) walk(join(path, name), false);
  };
  walk(realpathSync(dir), true); // the folder itself may be a link to where the data really is
  return changed;
}

function restrict(path: string): string | undefined {
  let current: number;
  try {
    current = lstatSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((current & 0o077) === 0) return undefined;
  // Only the group's and others' bits go; the owner keeps what it had (a deliberate 0400 stays read-only).
  const next = current & 0o700;
  chmodSync(path, next);
  return `${path}: ${modeText(current)} → ${modeText(next)}`;
}
