import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { CloseChainRequestDto } from './close-chain.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class CloseChainHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a chain: it takes no more workshops and no detail changes (the last payment may still be recorded)' })
  @ApiOkResponse({ type: CommandResponse })
  async close(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CloseChainRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'chain', { type: 'CloseChain', data: { chainId: id, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }
}
