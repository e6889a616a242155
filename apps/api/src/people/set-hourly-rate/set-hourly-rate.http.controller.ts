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
import { SetHourlyRateRequestDto } from './set-hourly-rate.request.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class SetHourlyRateHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/hourly-rates')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Set an hourly rate of a person for a period: makes the person a staff member of the project, whose hours can then be recorded',
    description:
      "The rate is kept on the staff member's own stream (`staff-<personId>`), in clear and apart from the person's sealed personal data, so the staff costs survive an erasure of that data as the other figures do. Rates are only ever added, one per period: the hours recorded on workshops and on the chain are costed in the ledger at the rate covering the day worked. The same rate again (same id and figures) is a retry. Refusals: 404 PERSON.NOT_FOUND; 409 PERSON.ERASED, STAFF.RATE_OVERLAP (another rate of the person covers one of its days), STAFF.RATE_ALREADY_EXISTS (the id is taken by another rate).",
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the rate id' })
  async set(
    @Param('id', uuidParam('id')) personId: string,
    @Body() dto: SetHourlyRateRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const rateId = resourceId(dto.id, context, 'hourly-rate');
    return sendDomainCommand(
      this.bus,
      reply,
      rateId,
      'staff',
      {
        type: 'SetHourlyRate',
        data: { personId, rateId, hourlyRateCents: dto.hourlyRateCents, validFrom: dto.validFrom, validUntil: dto.validUntil, basis: dto.basis },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
