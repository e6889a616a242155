import { Module } from '@nestjs/common';
import { AuditReader, PRIVACY_SECRETS } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import type { PrivacySecrets } from '@kuhina/privacy';
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
    { provide: AuditReader, useFactory: (events: EventStore, secrets: PrivacySecrets) => new AuditReader(events, secrets.pseudonymKey), inject: [EVENT_STORE, PRIVACY_SECRETS] },
    GetLedgerHandler,
    GetIndicatorsHandler,
    TraceEventHandler,
    VerifyLogHandler,
    GetAccessLogHandler,
  ],
})
export class AuditModule {}
