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
import { AddContactPersonRequestDto } from './add-contact-person.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class AddContactPersonHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/contacts')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a person a contact person of the organisation, in a role (again with another role: the role changes)',
    description: 'The organisation keeps only the person id and the role. Refusals: 404 ORGANIZATION.NOT_FOUND, PERSON.NOT_FOUND; 409 PERSON.ERASED.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the organisation id' })
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddContactPersonRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'organization', { type: 'AddContactPerson', data: { organizationId: id, personId: dto.personId, role: dto.role }, at: givenBusinessTime(dto) }, context);
  }
}
