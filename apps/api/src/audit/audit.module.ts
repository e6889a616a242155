import { Module } from '@nestjs/common';
import { GetAccessLogHandler } from './access-log/get-access-log.handler';
import { GetAccessLogHttpController } from './access-log/get-access-log.http.controller';
import { GetIndicatorsHandler } from './get-indicators/get-indicators.handler';
import { GetIndicatorsHttpController } from './get-indicators/get-indicators.http.controller';
import { GetLedgerHandler } from './get-ledger/get-ledger.handler';
import { GetLedgerHttpController } from './get-ledger/get-ledger.http.controller';
import { SealLogHttpController } from './verify/seal-log.http.controller';
import { VerifyLogHandler } from './verify/verify-log.handler';
import { VerifyLogHttpController } from './verify/verify-log.http.controller';
import { TraceEventHandler } from './trace-event/trace-event.handler';
import { TraceEventHttpController } from './trace-event/trace-event.http.controller';

@Module({
  controllers: [GetLedgerHttpController, GetIndicatorsHttpController, TraceEventHttpController, VerifyLogHttpController, SealLogHttpController, GetAccessLogHttpController],
  providers: [
    GetLedgerHandler,
    GetIndicatorsHandler,
    TraceEventHandler,
    VerifyLogHandler,
    GetAccessLogHandler,
  ],
})
export class AuditModule {}
