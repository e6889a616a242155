import { Module } from '@nestjs/common';
import { CollectCitizenInputHttpController } from './collect-citizen-input/collect-citizen-input.http.controller';
import { CorrectExpenseHttpController } from './correct-expense/correct-expense.http.controller';
import { ForwardCitizenInputSummaryHttpController } from './forward-citizen-input-summary/forward-citizen-input-summary.http.controller';
import { FulfilPledgeHttpController } from './fulfil-pledge/fulfil-pledge.http.controller';
import { PledgeResourceHttpController } from './pledge-resource/pledge-resource.http.controller';
import { RecordExpenseHttpController } from './record-expense/record-expense.http.controller';
import { RecordPlanningMeetingHttpController } from './record-planning-meeting/record-planning-meeting.http.controller';
import { RecordStaffHoursHttpController } from './record-staff-hours/record-staff-hours.http.controller';
import { RecordSustainabilityPracticesHttpController } from './record-sustainability-practices/record-sustainability-practices.http.controller';
import { SubmitFeedbackHttpController } from './submit-feedback/submit-feedback.http.controller';
import { VoidExpenseHttpController } from './void-expense/void-expense.http.controller';
import { VoidStaffHoursHttpController } from './void-staff-hours/void-staff-hours.http.controller';
import { WithdrawPledgeHttpController } from './withdraw-pledge/withdraw-pledge.http.controller';
import { RecordWorkshopDebriefHttpController } from './record-workshop-debrief/record-workshop-debrief.http.controller';

/** Pledges, expenses, staff hours, feedback, citizen input, planning meetings, sustainability, debrief: the workshop's resources and outcomes. */
@Module({
  controllers: [
    PledgeResourceHttpController,
    FulfilPledgeHttpController,
    WithdrawPledgeHttpController,
    RecordExpenseHttpController,
    VoidExpenseHttpController,
    CorrectExpenseHttpController,
    RecordStaffHoursHttpController,
    VoidStaffHoursHttpController,
    SubmitFeedbackHttpController,
    CollectCitizenInputHttpController,
    ForwardCitizenInputSummaryHttpController,
    RecordPlanningMeetingHttpController,
    RecordSustainabilityPracticesHttpController,
    RecordWorkshopDebriefHttpController,
  ],
  providers: [
  ],
})
export class WorkshopResourcesModule {}
