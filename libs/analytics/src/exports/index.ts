import type { NetworkAnswer } from '../network-graph';
import { CSV_CONTENT_TYPE, CSV_EXTENSION, toCsvEdges, toCsvNodes } from './csv.export';
import { GEXF_CONTENT_TYPE, GEXF_EXTENSION, toGexf } from './gexf.export';
import { GRAPHML_CONTENT_TYPE, GRAPHML_EXTENSION, toGraphml } from './graphml.export';
import { KUMU_CONTENT_TYPE, KUMU_EXTENSION, toKumu } from './kumu.export';

export * from './chain-weights';
export * from './csv.export';
export * from './csv-cell';
export * from './gexf.export';
export * from './graphml.export';
export * from './kumu.export';

export const NETWORK_EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'csv-nodes', 'csv-edges', 'kumu'] as const;
export type NetworkExportFormat = (typeof NETWORK_EXPORT_FORMATS)[number];

export function isNetworkExportFormat(value: unknown): value is NetworkExportFormat {
  return typeof value === 'string' && (NETWORK_EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface NetworkExport {
  body: string;
  contentType: string;
  /** File extension without the dot. */
  extension: string;
  /** A download name that keeps the formats apart (csv-nodes vs csv-edges, kumu vs json), e.g. for Content-Disposition. */
  fileName: string;
}

type Writer = { write: (answer: NetworkAnswer) => string; contentType: string; extension: string; suffix: string };

const WRITERS: Readonly<Record<NetworkExportFormat, Writer>> = {
  json: { write: (answer) => `${JSON.stringify(answer, null, 2)}\n`, contentType: 'application/json; charset=utf-8', extension: 'json', suffix: '' },
  gexf: { write: (answer) => toGexf(answer), contentType: GEXF_CONTENT_TYPE, extension: GEXF_EXTENSION, suffix: '' },
  graphml: { write: (answer) => toGraphml(answer), contentType: GRAPHML_CONTENT_TYPE, extension: GRAPHML_EXTENSION, suffix: '' },
  'csv-nodes': { write: toCsvNodes, contentType: CSV_CONTENT_TYPE, extension: CSV_EXTENSION, suffix: '-nodes' },
  'csv-edges': { write: toCsvEdges, contentType: CSV_CONTENT_TYPE, extension: CSV_EXTENSION, suffix: '-edges' },
  kumu: { write: toKumu, contentType: KUMU_CONTENT_TYPE, extension: KUMU_EXTENSION, suffix: '.kumu' },
};

/** What names the network in file names and titles: its chain, `all` chains, or how many chains. */
export function networkName(answer: Pick<NetworkAnswer, 'chainId' | 'chainIds' | 'scope'>): string {
  if (answer.chainId !== null) return answer.chainId;
  return answer.scope === 'all' ? 'all-chains' : `${answer.chainIds?.length ?? 0}-chains`;
}

/** The network in one export format, with what an HTTP answer or a CLI file needs to go with it. */
export function exportNetwork(answer: NetworkAnswer, format: NetworkExportFormat): NetworkExport {
  const writer = WRITERS[format];
  return {
    body: writer.write(answer),
    contentType: writer.contentType,
    extension: writer.extension,
    fileName: `network-${networkName(answer)}${writer.suffix}.${writer.extension}`,
  };
}
