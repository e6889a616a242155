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
import { RemoveContactPersonRequestDto } from './remove-contact-person.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class RemoveContactPersonHttpController {
  constructor(private readonly bus: CommandBus) {}

  // The person in the body, as `POST /people/:id/consents/withdraw` names its purpose: the contact is no resource of its own.
  @Post(':id/contacts/remove')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person is no longer a contact person of the organisation', description: 'Refusals: 404 ORGANIZATION.NOT_FOUND, ORGANIZATION.CONTACT_NOT_FOUND (not a contact person now).' })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the organisation id' })
  async remove(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RemoveContactPersonRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'organization', { type: 'RemoveContactPerson', data: { organizationId: id, personId: dto.personId }, at: givenBusinessTime(dto) }, context);
  }
}
