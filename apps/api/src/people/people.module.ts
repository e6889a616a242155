import { Module } from '@nestjs/common';
import { ChangeAffiliationHttpController } from './change-affiliation/change-affiliation.http.controller';
import { ErasePersonHttpController } from './erase-person/erase-person.http.controller';
import { GiveConsentHttpController } from './give-consent/give-consent.http.controller';
import { GetPersonHandler } from './get-person/get-person.handler';
import { GetPersonHttpController } from './get-person/get-person.http.controller';
import { RegisterPersonHttpController } from './register-person/register-person.http.controller';
import { SetHourlyRateHttpController } from './set-hourly-rate/set-hourly-rate.http.controller';
import { WithdrawConsentHttpController } from './withdraw-consent/withdraw-consent.http.controller';

// POST /people dispatches RegisterPerson, whose handler lives in KuhinaCoreModule (shared with the CLI).
@Module({
  controllers: [
    RegisterPersonHttpController,
    GetPersonHttpController,
    ChangeAffiliationHttpController,
    ErasePersonHttpController,
    SetHourlyRateHttpController,
    GiveConsentHttpController,
    WithdrawConsentHttpController,
  ],
  providers: [GetPersonHandler],
})
export class PeopleModule {}
