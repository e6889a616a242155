import { errorMessage, verifySinceLastSeal, type ChainIntegrity, type EventStorage, type SinceSealVerification } from '@kuhina/event-store';

/** What `/health` shows of the start-up check. */
export type StartupCheckState =
  | { state: 'pending' }
  | { state: 'running'; startedAt: string }
  | { state: 'done'; startedAt: string; ms: number; events: number; hashed: number; streams: number; breaks: number; seal: SinceSealVerification['seal'] }
  | { state: 'failed'; startedAt: string; message: string };

/**
 * Verifies, once per start, everything appended since the last seal (the whole log if there is none; see
 * verifySinceLastSeal), in the background: the API listens at once and answers meanwhile (the check yields between pages).
 * Breaks go into the shared integrity status as they are found, so `/health` turns `degraded` and writes to those streams
 * are refused within moments of a restart on a tampered log; a seal the log no longer gives is kept as the log's own problem.
 */
export class StartupIntegrityCheck {
  private current: StartupCheckState = { state: 'pending' };
  private running: Promise<StartupCheckState> | null = null;

  constructor(
    private readonly storage: Pick<EventStorage, 'readAll' | 'readStream' | 'streamHead'>,
    private readonly integrity: ChainIntegrity,
    private readonly log: { info: (line: string) => void; error: (line: string) => void },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get status(): StartupCheckState {
    return this.current;
  }

  /** Starts the check unless it ran already; resolves with its outcome (never rejects). */
  start(): Promise<StartupCheckState> {
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<StartupCheckState> {
    const startedAt = this.clock().toISOString();
    const t0 = performance.now();
    this.current = { state: 'running', startedAt };
    try {
      const result = await verifySinceLastSeal(this.storage, {
        onBreak: (found) => this.integrity.report(found, 'start-up'),
        betweenPages: () => new Promise((resolve) => setImmediate(resolve)),
      });
      const ms = Math.round(performance.now() - t0);
      if (result.seal && !result.seal.intact) this.integrity.reportSeal({ ...result.seal, detectedBy: 'start-up' });
      this.current = { state: 'done', startedAt, ms, events: result.events, hashed: result.hashed, streams: result.streams, breaks: result.breaks.length, seal: result.seal };
      const scope = result.seal ? `since the seal at position ${result.seal.position} (${result.hashed} events hashed; links and the seal's root for the ${result.events - result.hashed} before it)` : `the whole log (no seal yet; ${result.hashed} events hashed)`;
      // Each break was logged as found (the integrity status's listener): here the summary.
      if (result.breaks.length === 0 && (result.seal?.intact ?? true)) {
        this.log.info(`Integrity check at start-up: ${scope}, ${result.streams} streams, intact (${ms} ms)`);
      } else {
        this.log.error(`Integrity check at start-up: ${scope}: ${result.breaks.length} broken stream(s)${result.seal && !result.seal.intact ? `, and the last seal's root no longer matches (recomputed ${result.seal.recomputedRoot})` : ''} (${ms} ms)`);
      }
    } catch (error) {
      this.current = { state: 'failed', startedAt, message: errorMessage(error) };
      this.log.error(`Integrity check at start-up failed: ${errorMessage(error)}`);
    }
    return this.current;
  }
}
