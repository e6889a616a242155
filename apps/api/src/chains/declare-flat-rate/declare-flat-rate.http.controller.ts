import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { DeclareFlatRateRequestDto } from './declare-flat-rate.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class DeclareFlatRateHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/flat-rate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Declare the flat rate the chain claims its other costs with (e.g. 40 % of the direct staff costs), replace it, or withdraw it (`basisPoints: null`)',
    description:
      "The latest declaration holds: the ledger's `flatRate` is its share of `staffCosts.totalCents`, rounded half up to a cent, citing the declaration and every staff-cost event. The same declaration again, or a withdrawal with none declared, records nothing. Allowed on a closed chain too. Refusals: 404 CHAIN.NOT_FOUND.",
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the chain id' })
  async declare(
    @Param('id', uuidParam('id')) chainId: string,
    @Body() dto: DeclareFlatRateRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(
      this.bus,
      reply,
      chainId,
      'chain',
      { type: 'DeclareFlatRate', data: { chainId, basisPoints: dto.basisPoints, basis: dto.basis ?? 'direct-staff-costs', reference: dto.reference }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
