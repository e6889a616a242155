import type { EventStorage } from '../event-store.port';
import { verifyAll, type ChainBroken, type ChainIntact, type VerifyProgress } from '../chain/verify';
import { verifySeals, type SealBroken, type SealCheck, type SealIntact, type SealsProgress } from './verify-seals';

/** Every hash and link recomputed, every seal matches. */
export interface LogIntact extends ChainIntact {
  seals: SealIntact[];
}

/** The first broken link of the hash chain (as verifyAll reports it), with every seal's result. */
export interface LogChainBroken extends ChainBroken {
  seals: SealCheck[];
}

/**
 * The hash chain holds but a seal does not: typically the tail of a stream was removed, or its last
 * event rewritten together with its hash — changes no later link of the chain can reveal.
 */
export interface LogSealBroken {
  intact: false;
  problem: 'seal-mismatch';
  streams: number;
  events: number;
  /** The first broken seal, in seal order. */
  seal: SealBroken;
  seals: SealCheck[];
}

export type LogVerification = LogIntact | LogChainBroken | LogSealBroken;

export type LogVerifyProgress = ({ phase: 'chain' } & VerifyProgress) | ({ phase: 'seals' } & SealsProgress);

export interface VerifyLogOptions {
  onProgress?: (progress: LogVerifyProgress) => void;
  /** Events per page, for both passes. */
  pageSize?: number;
}

/**
 * The auditor's full check: the hash chain of every stream (stopping at the first broken link), then
 * every seal, whatever the chain's result (a broken chain does not make the seals less telling).
 * Two streaming passes; memory holds one page plus one head per stream.
 */
export async function verifyLog(storage: Pick<EventStorage, 'readStream' | 'listStreams' | 'readAll'>, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const { onProgress, pageSize } = options;
  const chain = await verifyAll(storage, onProgress && ((progress) => onProgress({ phase: 'chain', ...progress })), { pageSize });
  const seals = await verifySeals(storage, { pageSize, onProgress: onProgress && ((progress) => onProgress({ phase: 'seals', ...progress })) });
  if (!chain.intact) return { ...chain, seals };
  const firstBroken = seals.find((check): check is SealBroken => !check.intact);
  if (firstBroken) return { intact: false, problem: 'seal-mismatch', streams: chain.streams, events: chain.events, seal: firstBroken, seals };
  return { ...chain, seals: seals as SealIntact[] };
}
