import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Registrations of a workshop with names and e-mails (backoffice only: personal data)', description: 'analyst and auditor: 403.' })
  @ApiOkResponse({ description: 'Counts and every registration in order, with the person decrypted' })
  list(@Param('id', uuidParam('id')) id: string, @Query() _query: ViewQueryDto): Promise<RegistrationsAnswer> {
    return this.bus.execute(new ListRegistrationsQuery(id));
  }
}
