import { Body, Controller, HttpCode, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OFFER_DETAIL_FIELDS, type OfferDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { UpdateOfferRequestDto } from './update-offer.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class UpdateOfferHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Patch(':id/offers/:offerId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change an offer; fields left out stay as they are, null clears an optional one',
    description: 'The offer is checked as it would become. Refusals: 404 ORGANIZATION.NOT_FOUND, OFFER.NOT_FOUND; 400 OFFER.PLACE_REQUIRED, OFFER.PERIOD_INVALID; 409 OFFER.WITHDRAWN.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the organisation the client saw, e.g. "3"' })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the offer id' })
  async update(
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('offerId', uuidParam('offerId')) offerId: string,
    @Body() dto: UpdateOfferRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const changes: Partial<OfferDetails> = {};
    for (const field of OFFER_DETAIL_FIELDS) {
      const value = dto[field];
      if (value !== undefined) (changes as Record<string, unknown>)[field] = value;
    }
    return sendDomainCommand(this.bus, reply, offerId, 'organization', { type: 'UpdateOffer', data: { organizationId, offerId, ...changes }, at: givenBusinessTime(dto) }, context);
  }
}
