import type { CommandContext } from '@kuhina/event-store';

/** Seal the log as it stands now. */
export class SealLogCommand {
  constructor(
    /** System time of the seal (ISO 8601), read by the caller. */
    readonly at: string,
    readonly context: CommandContext,
    /** The Merkle root already computed at a position (by a read worker); without it the handler reads the log. */
    readonly computed?: { position: bigint; root: string; streams: number },
  ) {}
}
