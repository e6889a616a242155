import { ListChainsHandler } from './list-chains/list-chains.handler';
import { ListChainsHttpController } from './list-chains/list-chains.http.controller';
import { Module } from '@nestjs/common';
import { CloseChainHttpController } from './close-chain/close-chain.http.controller';
import { GetChainHandler } from './get-chain/get-chain.handler';
import { GetChainHttpController } from './get-chain/get-chain.http.controller';
import { RecordChainMeetingHttpController } from './record-chain-meeting/record-chain-meeting.http.controller';
import { RecordLastPaymentHttpController } from './record-last-payment/record-last-payment.http.controller';
import { StartChainHttpController } from './start-chain/start-chain.http.controller';
import { UpdateChainDetailsHttpController } from './update-chain-details/update-chain-details.http.controller';
import { RecordChainExpenseHttpController } from './record-chain-expense/record-chain-expense.http.controller';
import { VoidChainExpenseHttpController } from './void-chain-expense/void-chain-expense.http.controller';
import { CorrectChainExpenseHttpController } from './correct-chain-expense/correct-chain-expense.http.controller';
import { RecordChainStaffHoursHttpController } from './record-chain-staff-hours/record-chain-staff-hours.http.controller';
import { VoidChainStaffHoursHttpController } from './void-chain-staff-hours/void-chain-staff-hours.http.controller';
import { DeclareFlatRateHttpController } from './declare-flat-rate/declare-flat-rate.http.controller';
import { RecordChainDebriefHttpController } from './record-chain-debrief/record-chain-debrief.http.controller';
import { GetChainLessonsHandler } from './get-chain-lessons/get-chain-lessons.handler';
import { GetChainLessonsHttpController } from './get-chain-lessons/get-chain-lessons.http.controller';

@Module({
  controllers: [
    ListChainsHttpController,
    StartChainHttpController,
    UpdateChainDetailsHttpController,
    RecordChainMeetingHttpController,
    RecordLastPaymentHttpController,
    CloseChainHttpController,
    GetChainHttpController,
    // The chain's own costs: expenses and staff hours of the chain as a whole, and its flat rate.
    RecordChainExpenseHttpController,
    VoidChainExpenseHttpController,
    CorrectChainExpenseHttpController,
    RecordChainStaffHoursHttpController,
    VoidChainStaffHoursHttpController,
    DeclareFlatRateHttpController,
    // Succession and lessons: the chain's debrief, and the lessons of the chain and those it follows.
    RecordChainDebriefHttpController,
    GetChainLessonsHttpController,
  ],
  providers: [ListChainsHandler, GetChainHandler, GetChainLessonsHandler],
})
export class ChainsModule {}
