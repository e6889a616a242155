import { GetFeedbackHandler } from './get-feedback/get-feedback.handler';
import { GetFeedbackHttpController } from './get-feedback/get-feedback.http.controller';
import { GetOutreachHandler } from './get-outreach/get-outreach.handler';
import { GetOutreachHttpController } from './get-outreach/get-outreach.http.controller';
import { RecordOutreachHttpController } from './record-outreach/record-outreach.http.controller';
import { ListRegistrationsHandler } from './list-registrations/list-registrations.handler';
import { ListRegistrationsHttpController } from './list-registrations/list-registrations.http.controller';
import { Module } from '@nestjs/common';
import { AddCoOrganizerHttpController } from './add-co-organizer/add-co-organizer.http.controller';
import { CancelRegistrationHttpController } from './cancel-registration/cancel-registration.http.controller';
import { CancelWorkshopHttpController } from './cancel-workshop/cancel-workshop.http.controller';
import { ChangeCapacityHttpController } from './change-capacity/change-capacity.http.controller';
import { CloseRegistrationHttpController } from './close-registration/close-registration.http.controller';
import { GetWorkshopHandler } from './get-workshop/get-workshop.handler';
import { GetWorkshopHttpController } from './get-workshop/get-workshop.http.controller';
import { InvitePersonHttpController } from './invite-person/invite-person.http.controller';
import { MarkHeldHttpController } from './mark-held/mark-held.http.controller';
import { OpenRegistrationHttpController } from './open-registration/open-registration.http.controller';
import { PlanWorkshopHttpController } from './plan-workshop/plan-workshop.http.controller';
import { RecordAttendanceHttpController } from './record-attendance/record-attendance.http.controller';
import { RegisterParticipantHttpController } from './register-participant/register-participant.http.controller';
import { ReportWorkshopHttpController } from './report-workshop/report-workshop.http.controller';
import { RescheduleWorkshopHttpController } from './reschedule-workshop/reschedule-workshop.http.controller';

/** Planning, lifecycle and registration of workshops (their resources and outcomes: WorkshopResourcesModule). */
@Module({
  controllers: [
    ListRegistrationsHttpController,
    GetFeedbackHttpController,
    PlanWorkshopHttpController,
    GetWorkshopHttpController,
    RescheduleWorkshopHttpController,
    ChangeCapacityHttpController,
    AddCoOrganizerHttpController,
    OpenRegistrationHttpController,
    CloseRegistrationHttpController,
    InvitePersonHttpController,
    RegisterParticipantHttpController,
    CancelRegistrationHttpController,
    RecordAttendanceHttpController,
    MarkHeldHttpController,
    CancelWorkshopHttpController,
    ReportWorkshopHttpController,
    GetOutreachHttpController,
    RecordOutreachHttpController,
  ],
  providers: [
    ListRegistrationsHandler,
    GetFeedbackHandler,
    GetWorkshopHandler,
    GetOutreachHandler,
  ],
})
export class WorkshopsModule {}
