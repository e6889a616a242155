import { Module } from '@nestjs/common';
import { CollectCitizenInputHandler } from './collect-citizen-input/collect-citizen-input.handler';
import { CollectCitizenInputHttpController } from './collect-citizen-input/collect-citizen-input.http.controller';
import { CorrectExpenseHandler } from './correct-expense/correct-expense.handler';
import { CorrectExpenseHttpController } from './correct-expense/correct-expense.http.controller';
import { ForwardCitizenInputSummaryHandler } from './forward-citizen-input-summary/forward-citizen-input-summary.handler';
import { ForwardCitizenInputSummaryHttpController } from './forward-citizen-input-summary/forward-citizen-input-summary.http.controller';
import { FulfilPledgeHandler } from './fulfil-pledge/fulfil-pledge.handler';
import { FulfilPledgeHttpController } from './fulfil-pledge/fulfil-pledge.http.controller';
import { PledgeResourceHandler } from './pledge-resource/pledge-resource.handler';
import { PledgeResourceHttpController } from './pledge-resource/pledge-resource.http.controller';
import { RecordExpenseHandler } from './record-expense/record-expense.handler';
import { RecordExpenseHttpController } from './record-expense/record-expense.http.controller';
import { RecordPlanningMeetingHandler } from './record-planning-meeting/record-planning-meeting.handler';
import { RecordPlanningMeetingHttpController } from './record-planning-meeting/record-planning-meeting.http.controller';
import { RecordSustainabilityPracticesHandler } from './record-sustainability-practices/record-sustainability-practices.handler';
import { RecordSustainabilityPracticesHttpController } from './record-sustainability-practices/record-sustainability-practices.http.controller';
import { SubmitFeedbackHandler } from './submit-feedback/submit-feedback.handler';
import { SubmitFeedbackHttpController } from './submit-feedback/submit-feedback.http.controller';
import { VoidExpenseHandler } from './void-expense/void-expense.handler';
import { VoidExpenseHttpController } from './void-expense/void-expense.http.controller';
import { WithdrawPledgeHandler } from './withdraw-pledge/withdraw-pledge.handler';
import { WithdrawPledgeHttpController } from './withdraw-pledge/withdraw-pledge.http.controller';

/** Pledges, expenses, feedback, citizen input, planning meetings, sustainability: the workshop's resources and outcomes. */
@Module({
  controllers: [
    PledgeResourceHttpController,
    FulfilPledgeHttpController,
    WithdrawPledgeHttpController,
    RecordExpenseHttpController,
    VoidExpenseHttpController,
    CorrectExpenseHttpController,
    SubmitFeedbackHttpController,
    CollectCitizenInputHttpController,
    ForwardCitizenInputSummaryHttpController,
    RecordPlanningMeetingHttpController,
    RecordSustainabilityPracticesHttpController,
  ],
  providers: [
    PledgeResourceHandler,
    FulfilPledgeHandler,
    WithdrawPledgeHandler,
    RecordExpenseHandler,
    VoidExpenseHandler,
    CorrectExpenseHandler,
    SubmitFeedbackHandler,
    CollectCitizenInputHandler,
    ForwardCitizenInputSummaryHandler,
    RecordPlanningMeetingHandler,
    RecordSustainabilityPracticesHandler,
  ],
})
export class WorkshopResourcesModule {}
