import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Only one projector may write a read store at a time; the lease says who. */
export interface ProjectorLease {
  /** True if this process holds the lease now (taking it if it is free or its holder died). */
  tryAcquire(): boolean;
  release(): void;
}

/**
 * A lock file holding the owner's pid: exclusive create, and a lock whose process is gone is taken over.
 * Enough for the embedded profile (API and CLI on one machine, one data folder).
 */
export class FileLease implements ProjectorLease {
  private held = false;

  constructor(private readonly file: string) {}

  tryAcquire(): boolean {
    if (this.held) return true;
    mkdirSync(dirname(this.file), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = true;
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(this.file, 'utf8').trim());
        if (owner === process.pid) {
          this.held = true;
          return true;
        }
        if (isAlive(owner)) return false;
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
      if (Number(readFileSync(this.file, 'utf8').trim()) === process.pid) unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
