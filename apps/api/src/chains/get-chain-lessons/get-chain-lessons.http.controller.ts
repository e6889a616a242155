import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ViewRead } from '../../common/http/view-read';
import { uuidParam } from '../../common/http/uuid-param';
import { GetChainLessonsQuery } from './get-chain-lessons.query';
import type { ChainLessonsResult } from './get-chain-lessons.handler';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class GetChainLessonsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/lessons')
  @ViewRead()
  @Roles('backoffice', 'analyst')
  @ApiOperation({
    summary: "The chain's lessons: its debrief and each workshop's (in chain order, with title and date), the same for every chain it follows, and who took part here and in other chains",
    description:
      'Answered from the chain-lessons view (after a write, pass its `position` as `consistentWith`). `chain` and `predecessors` (nearest first, following `followsChainId`) each give the debrief in force and `earlierVersions` (revisions replace, history kept). `acrossChains`: each organisation of this chain with how it took part here and in every other chain (co-organiser, pledger, or the roles of the people it sent; whether anyone attended); people only as counts (no personal data: analysts read this too). Back-office and analysts; 404 CHAIN.NOT_FOUND.',
  })
  @ApiOkResponse({ description: 'The lessons of the chain and of the chains it follows' })
  async get(@Param('id', uuidParam('id')) id: string): Promise<ChainLessonsResult> {
    return this.bus.execute<GetChainLessonsQuery, ChainLessonsResult>(new GetChainLessonsQuery(id));
  }
}
