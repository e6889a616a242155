import { conflict, invalid, notFound } from '../../shared/domain-error';
import { idMapGet } from '../id-map';
import type { FulfilPledge, PledgeResource, WithdrawPledge } from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import { PLEDGE_KINDS, type WorkshopEvent } from '../workshop.events';
import { pledgeKey } from '../workshop.fingerprints';
import { existing, requireOpenForContributions } from '../workshop.guards';
import type { ExistingWorkshop, PledgeEntry, WorkshopState } from '../workshop.state';
import { fieldChecks, isCents } from '../workshop.validation';
import { INTEGER } from '../../shared/rules';

// Pledges: resources partners promise in kind (venue, materials, know-how, ...), valued in cents with the basis
// of the valuation, then fulfilled or withdrawn.

const pledgeField = fieldChecks(E.PLEDGE_INVALID_FIELD);

export function pledgeResource({ data, at }: PledgeResource, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  pledgeField.text(data.pledgeId, 'pledgeId');
  pledgeField.text(data.organizationId, 'organizationId');
  pledgeField.oneOf(data.kind, PLEDGE_KINDS, 'kind');
  pledgeField.anyText(data.description, 'description');
  pledgeField.text(data.valuationBasis, 'valuationBasis');
  if (!isCents(data.inKindValueCents)) {
    throw invalid(E.PLEDGE_VALUE_INVALID, `inKindValueCents must be ${INTEGER.CENTS.expected}`, {
      inKindValueCents: data.inKindValueCents,
    });
  }
  const known = idMapGet(w.pledges, data.pledgeId);
  if (known) {
    if (known.key === pledgeKey(data)) return [];
    throw conflict(E.PLEDGE_ALREADY_EXISTS, `Pledge id ${data.pledgeId} is taken`, { pledgeId: data.pledgeId });
  }
  requireOpenForContributions(w, 'pledge resources');
  return [
    {
      type: 'ResourcePledged',
      data: {
        workshopId: w.workshopId,
        pledgeId: data.pledgeId,
        organizationId: data.organizationId,
        kind: data.kind,
        description: data.description,
        inKindValueCents: data.inKindValueCents,
        valuationBasis: data.valuationBasis,
        pledgedAt: at,
      },
    },
  ];
}

function pendingPledge(w: ExistingWorkshop, pledgeId: string): PledgeEntry {
  pledgeField.text(pledgeId, 'pledgeId');
  const pledge = idMapGet(w.pledges, pledgeId);
  if (!pledge) {
    throw notFound(E.PLEDGE_NOT_FOUND, `Pledge ${pledgeId} does not exist in workshop ${w.workshopId}`, { pledgeId });
  }
  if (pledge.status !== 'pending') {
    throw conflict(E.PLEDGE_NOT_PENDING, `Pledge ${pledgeId} is ${pledge.status}`, { pledgeId, status: pledge.status });
  }
  return pledge;
}

// Fulfilling or withdrawing is allowed in every state: a cancelled workshop's pledges still get settled.
export function fulfilPledge({ data, at }: FulfilPledge, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const pledge = pendingPledge(w, data.pledgeId);
  return [
    {
      type: 'PledgeFulfilled',
      data: { workshopId: w.workshopId, pledgeId: data.pledgeId, organizationId: pledge.organizationId, fulfilledAt: at },
    },
  ];
}

export function withdrawPledge({ data, at }: WithdrawPledge, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  pledgeField.anyText(data.reason, 'reason');
  const pledge = pendingPledge(w, data.pledgeId);
  return [
    {
      type: 'PledgeWithdrawn',
      data: {
        workshopId: w.workshopId,
        pledgeId: data.pledgeId,
        organizationId: pledge.organizationId,
        reason: data.reason,
        withdrawnAt: at,
      },
    },
  ];
}
