import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { uuidParam } from '../../common/http/uuid-param';
import { PledgeResourceRequestDto } from './pledge-resource.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class PledgeResourceHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/pledges')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a resource an organisation pledges to the workshop (venue, materials, expertise, ...) with its in-kind value',
    description: 'Refusals: 404 WORKSHOP.NOT_FOUND; 409 PLEDGE.ALREADY_EXISTS (id taken by another pledge), WORKSHOP.ALREADY_REPORTED, WORKSHOP.CANCELLED.',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the pledge id' })
  async pledge(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: PledgeResourceRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const pledgeId = resourceId(dto.id, context, 'pledge');
    return sendDomainCommand(
      this.bus,
      reply,
      pledgeId,
      'workshop',
      {
        type: 'PledgeResource',
        data: { workshopId, pledgeId, organizationId: dto.organizationId, kind: dto.kind, description: dto.description, inKindValueCents: dto.inKindValueCents, valuationBasis: dto.valuationBasis },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
