import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import type { QuestionsAnswer } from './get-questions.handler';
import { GetQuestionsQuery } from './get-questions.query';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class GetQuestionsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/questions')
  @ViewRead()
  @ApiOperation({
    summary: "The presenters' digest: advance questions and the answers to the form's questions, without names",
    description: 'Each text once, sorted (no order of registration); cancelled registrations and people erased since are left out. Every role may read it (analysts too): it names nobody.',
  })
  @ApiOkResponse({ description: '{ workshopId, title, registrations, questions, advanceQuestions, expectations }' })
  get(@Param('id', uuidParam('id')) id: string, @Query() _query: ViewQueryDto): Promise<QuestionsAnswer> {
    return this.bus.execute(new GetQuestionsQuery(id));
  }
}
