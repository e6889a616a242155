import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Only one projector may write a read store at a time; the lease says who. */
export interface ProjectorLease {
  /** True if this process holds the lease now (taking it if it is free or its holder died). */
  tryAcquire(): boolean;
  release(): void;
  /**
   * Says that this one waits for the lease (true) or no longer does (false). A holder that sees it `wanted` lets go at
   * its next pause and does not take the lease back meanwhile: a rebuild's switch is not starved by a busy projector.
   */
  want?(waiting: boolean): void;
  /** Someone else waits for the lease. */
  wanted?(): boolean;
}

/**
 * A lock file holding the owner's pid: exclusive create, and a lock whose process is gone is taken over; a second
 * file (`<lock>.wanted`) holds the pid of one that waits for it. Enough for the embedded profile (API and CLI on one
 * machine, one data folder). `owner` is the process's pid; tests give two leases of one process different live pids.
 */
export class FileLease implements ProjectorLease {
  private held = false;
  private readonly wantFile: string;

  constructor(
    private readonly file: string,
    private readonly owner: number = process.pid,
  ) {
    this.wantFile = `${file}.wanted`;
  }

  tryAcquire(): boolean {
    if (this.held) return true;
    mkdirSync(dirname(this.file), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        writeSync(fd, String(this.owner));
        closeSync(fd);
        this.held = true;
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
        const holder = pidIn(this.file);
        // Released between the create and the read: try again.
        if (holder === undefined) continue;
        if (holder === this.owner) {
          this.held = true;
          return true;
        }
        if (isAlive(holder)) return false;
        try {
          unlinkSync(this.file); // its holder died: take it over
        } catch {
          // someone else took it over first
        }
      }
    }
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      if (pidIn(this.file) === this.owner) unlinkSync(this.file);
    } catch {
      // already gone
    }
  }

  want(waiting: boolean): void {
    if (waiting) {
      mkdirSync(dirname(this.wantFile), { recursive: true });
      writeFileSync(this.wantFile, `${this.owner} ${Date.now()}`, { mode: 0o600 });
      return;
    }
    try {
      if (pidIn(this.wantFile) === this.owner) unlinkSync(this.wantFile);
    } catch {
      // already gone
    }
  }

  wanted(): boolean {
    const [pid, since] = numbersIn(this.wantFile) ?? [];
    if (pid === undefined || since === undefined) return false;
    // A wish left by a process killed long ago whose pid now belongs to another must not stop a projector for good:
    // nobody waits for the lease longer than a rebuild's switch does (a minute).
    return pid !== this.owner && Date.now() - since < WANT_EXPIRES_MS && isAlive(pid);
  }
}

/** How long a wish for the lease counts (ms): longer than any waiter waits. */
const WANT_EXPIRES_MS = 120_000;

/** The numbers a lock file holds (pid, then the time of a wish); undefined if there is no such file. */
function numbersIn(file: string): number[] | undefined {
  try {
    return readFileSync(file, 'utf8').trim().split(' ').map(Number);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pid a lock file names; undefined if there is no such file. */
const pidIn = (file: string): number | undefined => numbersIn(file)?.[0];

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
