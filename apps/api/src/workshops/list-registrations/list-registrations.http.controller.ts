import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RevealsPersonalData } from '../../audit/access-log/personal-data-access.interceptor';
import { Roles } from '../../common/auth/roles.decorator';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { ListRegistrationsQuery } from './list-registrations.query';
import type { RegistrationsAnswer } from './list-registrations.handler';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class ListRegistrationsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/registrations')
  @Roles('backoffice')
  @ViewRead()
  // Only people whose data the answer shows: an erased person's registration reveals nothing.
  @RevealsPersonalData<RegistrationsAnswer>((answer) => answer.registrations.filter(({ person }) => person.name !== null || person.email !== null).map(({ personId }) => personId))
  @ApiOperation({
    summary: 'Registrations of a workshop with names and e-mails (backoffice only: personal data)',
    description: 'analyst and auditor: 403. Every answer that shows personal data is recorded in the access log (GET /audit/access-log) before it is sent; if it cannot be recorded the answer is 503.',
  })
  @ApiOkResponse({ description: 'Counts and every registration in order, with the person decrypted' })
  list(@Param('id', uuidParam('id')) id: string, @Query() _query: ViewQueryDto): Promise<RegistrationsAnswer> {
    return this.bus.execute(new ListRegistrationsQuery(id));
  }
}
