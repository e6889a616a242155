import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ORGANIZATION_SECTORS, type OrganizationSector } from '@kuhina/domain';
import type { ViewDocument } from '@kuhina/read-model';
import { ViewRead } from '../../common/http/view-read';
import { PageQueryDto, type PageAnswer } from '../../common/views/page-query.dto';
import { ListOrganizationsQuery } from './list-organizations.query';

export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_SECTORS, example: 'ngo' })
  @IsOptional()
  @IsIn(ORGANIZATION_SECTORS)
  sector?: OrganizationSector;
}

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class ListOrganizationsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @ApiOperation({ summary: 'Organisations by name (organisations view), optionally of one sector, with cursor pagination' })
  @ApiOkResponse({ description: '{ items, next }' })
  list(@Query() query: ListOrganizationsQueryDto): Promise<PageAnswer<ViewDocument>> {
    return this.bus.execute(new ListOrganizationsQuery(query.limit ?? 50, query.cursor, query.sector));
  }
}
