import { assertNever } from '../../shared/decider';
import { idMapGet, idMapSet } from '../id-map';
import type { PledgeFulfilled, PledgeWithdrawn, ResourcePledged } from '../workshop.events';
import { pledgeKey } from '../workshop.fingerprints';
import type { ExistingWorkshop } from '../workshop.state';

/** The events of pledges. */
export type PledgeEvent = ResourcePledged | PledgeFulfilled | PledgeWithdrawn;

export function evolvePledges(w: ExistingWorkshop, event: PledgeEvent): ExistingWorkshop {
  switch (event.type) {
    case 'ResourcePledged': {
      const { pledgeId, organizationId, kind, inKindValueCents } = event.data;
      return {
        ...w,
        pledges: idMapSet(w.pledges, pledgeId, { organizationId, kind, inKindValueCents, status: 'pending', key: pledgeKey(event.data) }),
      };
    }
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn': {
      const pledge = idMapGet(w.pledges, event.data.pledgeId);
      if (!pledge) throw new Error(`Unknown pledge ${event.data.pledgeId} in workshop ${w.workshopId}`);
      const status = event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn';
      return { ...w, pledges: idMapSet(w.pledges, event.data.pledgeId, { ...pledge, status }) };
    }
    default:
      return assertNever(event, 'pledge event');
  }
}
