import { ListOrganizationsHandler } from './list-organizations/list-organizations.handler';
import { ListOrganizationsHttpController } from './list-organizations/list-organizations.http.controller';
import { Module } from '@nestjs/common';
import { GetOrganizationHandler } from './get-organization/get-organization.handler';
import { GetOrganizationHttpController } from './get-organization/get-organization.http.controller';
import { RegisterOrganizationHttpController } from './register-organization/register-organization.http.controller';

@Module({
  controllers: [
    ListOrganizationsHttpController, RegisterOrganizationHttpController, GetOrganizationHttpController],
  providers: [
    ListOrganizationsHandler, GetOrganizationHandler],
})
export class OrganizationsModule {}
