import { GetFeedbackHandler } from './get-feedback/get-feedback.handler';
import { GetFeedbackHttpController } from './get-feedback/get-feedback.http.controller';
import { ListRegistrationsHandler } from './list-registrations/list-registrations.handler';
import { ListRegistrationsHttpController } from './list-registrations/list-registrations.http.controller';
import { Module } from '@nestjs/common';
import { AddCoOrganizerHandler } from './add-co-organizer/add-co-organizer.handler';
import { AddCoOrganizerHttpController } from './add-co-organizer/add-co-organizer.http.controller';
import { CancelRegistrationHandler } from './cancel-registration/cancel-registration.handler';
import { CancelRegistrationHttpController } from './cancel-registration/cancel-registration.http.controller';
import { CancelWorkshopHandler } from './cancel-workshop/cancel-workshop.handler';
import { CancelWorkshopHttpController } from './cancel-workshop/cancel-workshop.http.controller';
import { ChangeCapacityHandler } from './change-capacity/change-capacity.handler';
import { ChangeCapacityHttpController } from './change-capacity/change-capacity.http.controller';
import { CloseRegistrationHandler } from './close-registration/close-registration.handler';
import { CloseRegistrationHttpController } from './close-registration/close-registration.http.controller';
import { GetWorkshopHandler } from './get-workshop/get-workshop.handler';
import { GetWorkshopHttpController } from './get-workshop/get-workshop.http.controller';
import { InvitePersonHandler } from './invite-person/invite-person.handler';
import { InvitePersonHttpController } from './invite-person/invite-person.http.controller';
import { MarkHeldHandler } from './mark-held/mark-held.handler';
import { MarkHeldHttpController } from './mark-held/mark-held.http.controller';
import { OpenRegistrationHandler } from './open-registration/open-registration.handler';
import { OpenRegistrationHttpController } from './open-registration/open-registration.http.controller';
import { PlanWorkshopHandler } from './plan-workshop/plan-workshop.handler';
import { PlanWorkshopHttpController } from './plan-workshop/plan-workshop.http.controller';
import { RecordAttendanceHandler } from './record-attendance/record-attendance.handler';
import { RecordAttendanceHttpController } from './record-attendance/record-attendance.http.controller';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler';
import { RegisterParticipantHttpController } from './register-participant/register-participant.http.controller';
import { ReportWorkshopHandler } from './report-workshop/report-workshop.handler';
import { ReportWorkshopHttpController } from './report-workshop/report-workshop.http.controller';
import { RescheduleWorkshopHandler } from './reschedule-workshop/reschedule-workshop.handler';
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
  ],
  providers: [
    ListRegistrationsHandler,
    GetFeedbackHandler,
    PlanWorkshopHandler,
    GetWorkshopHandler,
    RescheduleWorkshopHandler,
    ChangeCapacityHandler,
    AddCoOrganizerHandler,
    OpenRegistrationHandler,
    CloseRegistrationHandler,
    InvitePersonHandler,
    RegisterParticipantHandler,
    CancelRegistrationHandler,
    RecordAttendanceHandler,
    MarkHeldHandler,
    CancelWorkshopHandler,
    ReportWorkshopHandler,
  ],
})
export class WorkshopsModule {}
