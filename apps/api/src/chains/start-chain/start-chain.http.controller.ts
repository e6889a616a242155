import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { StartChainRequestDto } from './start-chain.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class StartChainHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a chain of workshops (an ESF+ operation or part of one), possibly following an earlier chain (`followsChainId`)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async start(@Body() dto: StartChainRequestDto, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const id = resourceId(dto.id, context, 'chain');
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'chain',
      {
        type: 'StartChain',
        data: {
          chainId: id,
          name: dto.name,
          fundingProgramme: dto.fundingProgramme,
          esfOperationId: dto.esfOperationId,
          periodStart: dto.periodStart,
          periodEnd: dto.periodEnd,
          description: dto.description ?? '',
          hubOrganizationId: dto.hubOrganizationId ?? null,
          followsChainId: dto.followsChainId ?? null,
        },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
