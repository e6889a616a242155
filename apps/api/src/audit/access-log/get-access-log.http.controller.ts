import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '../../common/auth/roles.decorator';
import { GetAccessLogQuery } from './get-access-log.query';
import type { AccessLogAnswer } from './get-access-log.handler';

export class AccessLogQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The person whose accesses to list', example: '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a' })
  @IsUUID()
  personId!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class GetAccessLogHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get('access-log')
  @Roles('auditor')
  @ApiOperation({
    summary: "Who saw a person's personal data: every answer that revealed it (auditor only)",
    description:
      'Lists, oldest first, each recorded access that revealed the person (GET /people/:id, GET /workshops/:id/registrations): when, which API key and role, which endpoint (method, route, id), the request id, and the people the same answer revealed as pseudonyms. auditor only: backoffice and analyst get 403 (those who read personal data do not audit their own reads).',
  })
  @ApiOkResponse({ description: '{ personId, pseudonym, accesses: [{ at, accessedBy, role, endpoint, requestId, people, eventId, position }] }' })
  @ApiForbiddenResponse({ description: 'backoffice and analyst keys' })
  list(@Query() query: AccessLogQueryDto): Promise<AccessLogAnswer> {
    return this.bus.execute(new GetAccessLogQuery(query.personId));
  }
}
