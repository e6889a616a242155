import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkshopFeedbackView } from '@kuhina/read-model';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { GetFeedbackQuery } from './get-feedback.query';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class GetFeedbackHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/feedback')
  @ViewRead()
  @ApiOperation({ summary: 'Feedback of a workshop: summary (count, average, distribution) and items (workshop-feedback view)' })
  @ApiOkResponse({ description: 'The feedback view' })
  get(@Param('id', uuidParam('id')) id: string, @Query() _query: ViewQueryDto): Promise<WorkshopFeedbackView> {
    return this.bus.execute(new GetFeedbackQuery(id));
  }
}
