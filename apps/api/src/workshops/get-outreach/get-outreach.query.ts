export const OUTREACH_FORMATS = ['json', 'csv'] as const;
export type OutreachFormat = (typeof OUTREACH_FORMATS)[number];

export class GetOutreachQuery {
  constructor(
    readonly workshopId: string,
    /** Also the past participants of the chains this workshop's chain follows (followsChainId, walked back). */
    readonly includeEarlierChains: boolean,
  ) {}
}
