export const CHAIN_STREAM_PREFIX = 'chain-';

export const chainStream = (chainId: string): string => CHAIN_STREAM_PREFIX + chainId;

/** The chain id of a `chain-<id>` stream, or null for any other stream. */
export const parseChainStream = (stream: string): string | null =>
  stream.startsWith(CHAIN_STREAM_PREFIX) && stream.length > CHAIN_STREAM_PREFIX.length ? stream.slice(CHAIN_STREAM_PREFIX.length) : null;
