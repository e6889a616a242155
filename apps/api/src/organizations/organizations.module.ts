import { Module } from '@nestjs/common';
import { AddContactPersonHttpController } from './add-contact-person/add-contact-person.http.controller';
import { GetOrganizationHandler } from './get-organization/get-organization.handler';
import { GetOrganizationHttpController } from './get-organization/get-organization.http.controller';
import { ListOrganizationsHandler } from './list-organizations/list-organizations.handler';
import { ListOrganizationsHttpController } from './list-organizations/list-organizations.http.controller';
import { RecordOfferHttpController } from './record-offer/record-offer.http.controller';
import { RegisterOrganizationHttpController } from './register-organization/register-organization.http.controller';
import { RemoveContactPersonHttpController } from './remove-contact-person/remove-contact-person.http.controller';
import { UpdateOfferHttpController } from './update-offer/update-offer.http.controller';
import { UpdateOrganizationHttpController } from './update-organization/update-organization.http.controller';
import { WithdrawOfferHttpController } from './withdraw-offer/withdraw-offer.http.controller';

@Module({
  controllers: [
    ListOrganizationsHttpController,
    RegisterOrganizationHttpController,
    GetOrganizationHttpController,
    UpdateOrganizationHttpController,
    AddContactPersonHttpController,
    RemoveContactPersonHttpController,
    RecordOfferHttpController,
    UpdateOfferHttpController,
    WithdrawOfferHttpController,
  ],
  providers: [ListOrganizationsHandler, GetOrganizationHandler],
})
export class OrganizationsModule {}
