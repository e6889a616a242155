import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CHAIN_DETAIL_FIELDS, type ChainDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { UpdateChainDetailsRequestDto } from './update-chain-details.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class UpdateChainDetailsHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/details')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change some details of a chain (name, programme, operation id, period, description, hub organisation); fields left out stay as they are' })
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateChainDetailsRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const changes: Partial<ChainDetails> = {};
    for (const field of CHAIN_DETAIL_FIELDS) {
      const value = dto[field];
      if (value !== undefined) (changes as Record<string, unknown>)[field] = value;
    }
    return sendDomainCommand(this.bus, reply, id, 'chain', { type: 'UpdateChainDetails', data: { chainId: id, ...changes }, at: givenBusinessTime(dto) }, context);
  }
}
