import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ChangeCapacityRequestDto } from './change-capacity.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class ChangeCapacityHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/capacity')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the number of seats; more seats promote waitlisted participants first come first served (409 WORKSHOP.CAPACITY_BELOW_REGISTERED below the seats taken)' })
  @ApiOkResponse({ type: CommandResponse })
  async change(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ChangeCapacityRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'ChangeCapacity', data: { workshopId: id, capacity: dto.capacity }, at: givenBusinessTime(dto) }, context);
  }
}
