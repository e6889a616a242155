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
import { WithdrawOfferRequestDto } from './withdraw-offer.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class WithdrawOfferHttpController {
  constructor(private readonly bus: CommandBus) {}

  // The offer in the body, as `POST /people/:id/consents/withdraw` names its purpose.
  @Post(':id/offers/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw an offer (it stays in the profile as withdrawn and leaves the resource map); withdrawing again changes nothing',
    description: 'Refusals: 404 ORGANIZATION.NOT_FOUND, OFFER.NOT_FOUND.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the offer id' })
  async withdraw(
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() dto: WithdrawOfferRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, dto.offerId, 'organization', { type: 'WithdrawOffer', data: { organizationId, offerId: dto.offerId, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }
}
