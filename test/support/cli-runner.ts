import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const kuhina = join(__dirname, '..', '..', 'bin', 'kuhina');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `kuhina` binary as a user would (npm test builds first), on the embedded stores. */
export async function kuhinaCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [kuhina, ...args], { env: { ...process.env, KURRENTDB_URL: '', MONGODB_URL: '' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
