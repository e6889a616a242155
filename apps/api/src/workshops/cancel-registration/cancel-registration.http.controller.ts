import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { CancelRegistrationCommand, type CancelRegistrationResult } from '@kuhina/application';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { CancelRegistrationRequestDto } from './cancel-registration.request.dto';

export class CancelRegistrationResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The waitlisted registration promoted into the freed seat (first in the waitlist), or null' })
  promoted!: string | null;
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class CancelRegistrationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/registrations/:rid/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a registration; a freed seat goes to the first waitlisted participant (cancelling again changes nothing)' })
  @ApiOkResponse({ type: CancelRegistrationResponse, description: 'id: the registration id; ETag: the workshop revision' })
  async cancel(
    @Param('id', uuidParam('id')) workshopId: string,
    @Param('rid', uuidParam('rid')) registrationId: string,
    @Body() dto: CancelRegistrationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CancelRegistrationResponse> {
    const result = await this.bus.execute<CancelRegistrationCommand, CancelRegistrationResult>(
      new CancelRegistrationCommand(workshopId, registrationId, dto.reason ?? '', givenBusinessTime(dto), context),
    );
    withEtag(reply, result.workshop.revision);
    return { id: registrationId, position: positionText(result.workshop.position), promoted: result.promoted };
  }
}
