import { checkDebrief, debriefKey, debriefOf } from '../workshop/debrief/debrief';
import type { RecordChainDebrief } from './chain.commands';
import type { ChainDebriefRecorded, ChainEvent } from './chain.events';
import type { ActiveChain, ClosedChain } from './chain.state';

// The chain's own debrief: the same shape and rules as a workshop's (workshop/debrief/debrief.ts).

type Chain = ActiveChain | ClosedChain;

/** Any time, closed or not: a chain is debriefed mid-way and, mostly, once it is over. The same again is a retry. */
export function recordChainDebrief({ data, at }: RecordChainDebrief, chain: Chain): ChainEvent[] {
  const debrief = checkDebrief(data);
  const current = chain.debrief;
  if (current !== undefined && current.key === debriefKey(debrief)) return [];
  return [{ type: 'ChainDebriefRecorded', data: { chainId: chain.chainId, ...debriefOf(debrief), version: (current?.version ?? 0) + 1, at } }];
}

export const evolveChainDebrief = <C extends Chain>(chain: C, event: ChainDebriefRecorded): C => ({ ...chain, debrief: { key: debriefKey(event.data), version: event.data.version } });
