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
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { RecordOfferRequestDto } from './record-offer.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class RecordOfferHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/offers')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a resource the organisation can offer (venue, materials, expertise, ...), where or online, how much, and when',
    description:
      'An offer needs no workshop: the resource map (`GET /resources`) joins offers with the pledges of past workshops. Refusals: 404 ORGANIZATION.NOT_FOUND; 400 OFFER.PLACE_REQUIRED (not online and no place, nor one of the organisation), OFFER.PERIOD_INVALID; 409 OFFER.ALREADY_EXISTS (id taken by another offer).',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the offer id' })
  async record(
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() dto: RecordOfferRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const offerId = resourceId(dto.id, context, 'offer');
    const data = {
      organizationId,
      offerId,
      kind: dto.kind,
      description: dto.description,
      online: dto.online ?? false,
      // Left out (undefined): the decider takes the organisation's own place.
      ...(dto.municipality !== undefined ? { municipality: dto.municipality } : {}),
      ...(dto.region !== undefined ? { region: dto.region } : {}),
      capacity: dto.capacity ?? null,
      valueCents: dto.valueCents ?? null,
      availableFrom: dto.availableFrom ?? null,
      availableUntil: dto.availableUntil ?? null,
    };
    return sendDomainCommand(this.bus, reply, offerId, 'organization', { type: 'RecordOffer', data, at: givenBusinessTime(dto) }, context);
  }
}
