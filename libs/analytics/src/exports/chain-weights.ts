/** A tie's weight per chain as `chainId:weight` items: the exports' flat lists (CSV, GraphML, GEXF liststring, Kumu) have no maps. */
export const chainWeightItems = (weights: Readonly<Record<string, number>> | undefined): string[] => Object.entries(weights ?? {}).map(([chainId, weight]) => `${chainId}:${weight}`);
