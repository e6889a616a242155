import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  notFound,
  WorkshopErrors,
  workshopDecider,
  workshopStream,
  type ExistingWorkshop,
  type RegistrationEntry,
  type WorkshopAccess,
  type WorkshopFormat,
  type WorkshopKind,
  type WorkshopLocation,
} from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import type { WorkshopDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetWorkshopQuery } from './get-workshop.query';

/** What the workshop-detail view adds to the aggregate: resources, money, outcomes (eventually consistent). */
export type WorkshopDetailExtras = Pick<WorkshopDetailView, 'pledges' | 'expenses' | 'totals' | 'dates' | 'chainOrder' | 'reportSummary' | 'cancellationReason'> &
  Partial<Pick<WorkshopDetailView, 'citizenInput' | 'planningMeetings' | 'sustainability'>>;

export interface WorkshopCounts {
  registered: number;
  waitlisted: number;
  cancelled: number;
  /** Registrations whose attendance was recorded. */
  attended: number;
  invited: number;
}

/** A workshop as its aggregate knows it: plan, status and counts; people appear as counts only. */
export interface WorkshopDetails {
  workshopId: string;
  status: ExistingWorkshop['status'];
  chainId: string | null;
  title: string;
  theme: string;
  method: string;
  kind: WorkshopKind;
  format: WorkshopFormat;
  access: WorkshopAccess;
  location: WorkshopLocation | null;
  startsAt: string;
  endsAt: string;
  targetGroups: string[];
  capacity: number | null;
  coOrganizerIds: string[];
  heldOn: string | null;
  reportedAt: string | null;
  cancelledAt: string | null;
  counts: WorkshopCounts;
  /** From the workshop-detail view (null until the projector has seen the workshop; use `consistentWith`). */
  detail: WorkshopDetailExtras | null;
}

export interface WorkshopView {
  workshop: WorkshopDetails;
  revision: number;
}

/**
 * Plan, status and counts from the aggregate (strongly consistent, with its ETag); pledges, expenses, totals
 * and outcomes from the workshop-detail view.
 */
@QueryHandler(GetWorkshopQuery)
export class GetWorkshopHandler implements IQueryHandler<GetWorkshopQuery, WorkshopView> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly views: ViewReader,
  ) {}

  async execute({ workshopId }: GetWorkshopQuery): Promise<WorkshopView> {
    const { state, revision } = await this.handler.loadFresh(workshopDecider, workshopStream(workshopId));
    if (state.status === 'empty') throw notFound(WorkshopErrors.NOT_FOUND, `Workshop ${workshopId} does not exist`, { workshopId });
    const view = await this.views.maybe<WorkshopDetailView>('workshops', workshopId);
    const detail: WorkshopDetailExtras | null = view
      ? {
          pledges: view.pledges,
          expenses: view.expenses,
          totals: view.totals,
          dates: view.dates,
          chainOrder: view.chainOrder,
          reportSummary: view.reportSummary,
          cancellationReason: view.cancellationReason,
          citizenInput: view.citizenInput,
          planningMeetings: view.planningMeetings,
          sustainability: view.sustainability,
        }
      : null;
    return { workshop: { ...detailsOf(state), detail }, revision };
  }
}

function detailsOf(w: ExistingWorkshop): Omit<WorkshopDetails, 'detail'> {
  const { plan } = w;
  return {
    workshopId: w.workshopId,
    status: w.status,
    chainId: plan.chainId,
    title: plan.title,
    theme: plan.theme,
    method: plan.method,
    kind: plan.kind,
    format: plan.format,
    access: plan.access,
    // What may change after planning comes from the state, not from the plan.
    location: w.location,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    targetGroups: [...plan.targetGroups],
    capacity: w.capacity,
    coOrganizerIds: [...w.coOrganizerIds],
    heldOn: w.status === 'held' || w.status === 'reported' ? w.heldOn : null,
    reportedAt: w.status === 'reported' ? w.reportedAt : null,
    cancelledAt: w.status === 'cancelled' ? w.cancelledAt : null,
    counts: countsOf(w),
  };
}

function countsOf(w: ExistingWorkshop): WorkshopCounts {
  // O(registrations): fine for one workshop on request; the registrations view will answer lists.
  const entries: RegistrationEntry[] = Object.values(w.registrations).flatMap((shard) => Object.values(shard));
  return {
    registered: w.registeredCount,
    waitlisted: w.waitlist.length,
    cancelled: entries.filter((entry) => entry.status === 'cancelled').length,
    attended: entries.filter((entry) => entry.attended !== null).length,
    invited: Object.values(w.invitedPersonIds).reduce((sum, shard) => sum + Object.keys(shard).length, 0),
  };
}
