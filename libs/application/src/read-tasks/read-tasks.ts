import { exportNetwork, networkMetrics, type NetworkAnswer, type NetworkExport, type NetworkExportFormat, type NetworkMetrics } from '@kuhina/analytics';
import { DomainError, type DomainErrorKind } from '@kuhina/domain';
import { ChainedEventStore, sealRootAt, verifyLog, type EventStore, type LogVerification, type LogVerifyProgress } from '@kuhina/event-store';
import type { NetworkCut, ReadStore } from '@kuhina/read-model';
// File by file, not the package index: a read worker loads this without the Nest modules the index brings along.
import { AuditReader, type EventTrace } from '../audit/audit-reader';
import type { AuditLedger } from '../audit/audit-ledger';
import type { EsfIndicators } from '../audit/esf-indicators';
import { ledgerHistoryCsv, ledgerItemsCsv } from '../audit/ledger-csv';
import { NetworkReader, type NetworkSelection } from '../network/network-reader';

/** `json`: the ledger; `csv`: one row per item (what a spreadsheet sums); `csv-history`: one row per event behind the items. */
export const LEDGER_FORMATS = ['json', 'csv', 'csv-history'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

/**
 * The reads that cost time in proportion to the log or a chain (a whole-log verification, a ledger, a replay, graph
 * metrics, a large export): plain data in and out, so that they can run on a worker thread with its own connections
 * while the event loop keeps serving writes. `revealPeople`: only the backoffice sees people's ids.
 */
export type ReadTask =
  | { kind: 'verify-log' }
  | { kind: 'seal-root' }
  | { kind: 'ledger'; chainId: string; revealPeople: boolean; format: LedgerFormat }
  | { kind: 'indicators'; chainId: string; revealPeople: boolean }
  | { kind: 'trace'; eventId: string; revealPeople: boolean }
  | ({ kind: 'network'; revealPeople: boolean; cut: NetworkCut; format?: NetworkExportFormat } & NetworkChoice)
  | ({ kind: 'network-metrics'; revealPeople: boolean; cut: NetworkCut } & NetworkChoice);

/** One chain (`chainId`), or several chains or all of them, merged (`chains`: see NetworkReader.readChains). */
export type NetworkChoice = { chainId: string; chains?: undefined } | { chains: NetworkSelection; chainId?: undefined };

/** The Merkle root over every stream head at one log position: what a seal records (computed apart from its append). */
export interface SealRoot {
  position: bigint;
  root: string;
  streams: number;
}

/** What each task answers. */
export interface ReadTaskResults {
  'verify-log': LogVerification;
  'seal-root': SealRoot | null;
  ledger: AuditLedger | string;
  indicators: EsfIndicators;
  trace: EventTrace;
  network: NetworkAnswer | NetworkExport;
  'network-metrics': NetworkMetrics;
}
export type ReadTaskResult<T extends ReadTask> = ReadTaskResults[T['kind']];

/** How far a long task has got (only the log verification reports). */
export type ReadTaskProgress = LogVerifyProgress;

/** The stores a task reads: the event store and the views, with the pseudonym key for everyone but the backoffice. */
export interface ReadTaskStores {
  events: EventStore;
  views: ReadStore;
  pseudonymKey: Buffer;
}

/** Runs read tasks against one set of stores (the API's own, or a worker's). */
export class ReadTaskRunner {
  private readonly audit: AuditReader;
  private readonly networks: NetworkReader;

  constructor(private readonly stores: ReadTaskStores) {
    this.audit = new AuditReader(stores.events, stores.pseudonymKey);
    this.networks = new NetworkReader(stores.views, stores.events, stores.pseudonymKey);
  }

  async run<T extends ReadTask>(task: T, onProgress?: (progress: ReadTaskProgress) => void): Promise<ReadTaskResult<T>> {
    return (await this.dispatch(task, onProgress)) as ReadTaskResult<T>;
  }

  private async dispatch(task: ReadTask, onProgress?: (progress: ReadTaskProgress) => void): Promise<ReadTaskResults[keyof ReadTaskResults]> {
    switch (task.kind) {
      case 'verify-log':
        return verifyLog(this.storage(), { onProgress });
      case 'seal-root':
        return sealRootAt(this.stores.events);
      case 'ledger': {
        const ledger = await this.audit.ledger(task.chainId, { revealPeople: task.revealPeople });
        return task.format === 'json' ? ledger : task.format === 'csv' ? ledgerItemsCsv(ledger) : ledgerHistoryCsv(ledger);
      }
      case 'indicators':
        return this.audit.indicators(task.chainId, { revealPeople: task.revealPeople });
      case 'trace':
        return this.audit.trace(task.eventId, { revealPeople: task.revealPeople });
      case 'network': {
        const answer = await this.network(task);
        return task.format === undefined ? answer : exportNetwork(answer, task.format);
      }
      case 'network-metrics':
        return networkMetrics(await this.network(task));
      default: {
        const unknown: never = task;
        throw new Error(`Unknown read task ${JSON.stringify(unknown)}`);
      }
    }
  }

  private network(task: { revealPeople: boolean; cut: NetworkCut } & NetworkChoice): Promise<NetworkAnswer> {
    const audience = { revealPeople: task.revealPeople };
    return task.chains === undefined ? this.networks.read(task.chainId, audience, task.cut) : this.networks.readChains(task.chains, audience, task.cut);
  }

  private storage() {
    // Listing the streams is the storage's job; the application's store is always the chained one over it.
    if (!(this.stores.events instanceof ChainedEventStore)) throw new Error('Log verification needs the ChainedEventStore (it reads the storage underneath)');
    return this.stores.events.storage;
  }
}

/** A task's failure as it crosses a thread: a domain refusal keeps its code and kind (a 404 stays a 404), anything else only its message. */
export type ReadTaskFailure = { domain: { code: string; message: string; kind: DomainErrorKind; details: Record<string, unknown> } } | { message: string };

export function describeFailure(error: unknown): ReadTaskFailure {
  if (error instanceof DomainError) return { domain: { code: error.code, message: error.message, kind: error.kind, details: error.details } };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function rebuildFailure(failure: ReadTaskFailure): Error {
  if ('domain' in failure) return new DomainError(failure.domain.code, failure.domain.message, failure.domain.kind, failure.domain.details);
  return new Error(`A read worker failed: ${failure.message}`);
}
