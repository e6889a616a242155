import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors, type RegistrationCounts, type WorkshopAccess, type WorkshopFormat, type WorkshopKind, type WorkshopLocation } from '@kuhina/domain';
import { WORKSHOP_DETAIL_COLLECTION, type WorkshopDetailOutreach, type WorkshopDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetWorkshopQuery } from './get-workshop.query';

/** Resources, money and outcomes of the workshop, as the workshop-detail view keeps them. */
export type WorkshopDetailExtras = Pick<
  WorkshopDetailView,
  'pledges' | 'expenses' | 'totals' | 'dates' | 'chainOrder' | 'reportSummary' | 'cancellationReason' | 'citizenInput' | 'planningMeetings' | 'sustainability'
> & {
  /** Outreaches recorded for the workshop (who was told: GET /workshops/:id/outreach). */
  outreach: WorkshopDetailOutreach[];
};

/**
 * The workshop's one set of counts: the registration figures as the domain's counting function (`recount`) folds them
 * (the same figures as the registrations list and the chain's workshop), with the invitations beside them.
 */
export type WorkshopCounts = Pick<RegistrationCounts, 'registered' | 'waitlisted' | 'cancelled' | 'attended' | 'staff'> & {
  /** People invited (invitation-only workshops). */
  invited: number;
};

/** A workshop: plan, status and counts; people appear as counts only. */
export interface WorkshopDetails {
  workshopId: string;
  status: WorkshopDetailView['status'];
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
  /** Participants at the top level (they take seats and are what ESF+ counts); organisers, hosts and speakers in `staff`. */
  counts: WorkshopCounts;
  /** The speakers and presenters of the programme (who they are: the backoffice's registration list). */
  programme: WorkshopDetailView['programme'];
  detail: WorkshopDetailExtras;
}

export interface WorkshopView {
  workshop: WorkshopDetails;
  /** The workshop stream's revision after the last event the view applied: the ETag. */
  revision: number;
}

/** The workshop-detail view (read-your-writes with `consistentWith`); 404 once the view has caught up and knows no such workshop. */
@QueryHandler(GetWorkshopQuery)
export class GetWorkshopHandler implements IQueryHandler<GetWorkshopQuery, WorkshopView> {
  constructor(private readonly views: ViewReader) {}

  async execute({ workshopId }: GetWorkshopQuery): Promise<WorkshopView> {
    const view = await this.views.one<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    return { workshop: detailsOf(view), revision: view.revision };
  }
}

function detailsOf(view: WorkshopDetailView): WorkshopDetails {
  const { counts, dates } = view;
  return {
    workshopId: view.workshopId,
    status: view.status,
    chainId: view.chainId,
    title: view.title,
    theme: view.theme,
    method: view.method,
    kind: view.kind,
    format: view.format,
    access: view.access,
    location: view.location,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    targetGroups: view.targetGroups,
    capacity: view.capacity,
    coOrganizerIds: view.coOrganizerIds,
    heldOn: dates.heldOn,
    reportedAt: dates.reportedAt,
    cancelledAt: dates.cancelledAt,
    counts: { registered: counts.registered, waitlisted: counts.waitlisted, cancelled: counts.cancelled, attended: counts.attended, staff: counts.staff, invited: view.invited },
    programme: view.programme,
    detail: {
      pledges: view.pledges,
      expenses: view.expenses,
      totals: view.totals,
      dates,
      chainOrder: view.chainOrder,
      reportSummary: view.reportSummary,
      cancellationReason: view.cancellationReason,
      citizenInput: view.citizenInput,
      planningMeetings: view.planningMeetings,
      sustainability: view.sustainability,
      outreach: view.outreach ?? [],
    },
  };
}
