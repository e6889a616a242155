import type { RecordPlanningMeeting } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type PlanningMeetingDetails = Omit<RecordPlanningMeeting['data'], 'workshopId' | 'meetingId'>;

export class RecordPlanningMeetingCommand {
  constructor(
    readonly workshopId: string,
    readonly meetingId: string,
    readonly meeting: PlanningMeetingDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
