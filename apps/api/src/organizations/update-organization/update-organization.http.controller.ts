import { Body, Controller, HttpCode, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ORGANIZATION_DETAIL_FIELDS, type OrganizationDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { UpdateOrganizationRequestDto } from './update-organization.request.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class UpdateOrganizationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change some details of an organisation (name, sector, municipality, region, business id, website); fields left out stay as they are',
    description:
      'Send the ETag of `GET /organizations/:id` as `If-Match` to refuse the change when someone else changed the organisation meanwhile (412). Only the fields that differ are recorded (`OrganizationDetailsUpdated`); nothing changed appends nothing. Refusals: 404 ORGANIZATION.NOT_FOUND; 400 ORGANIZATION.BUSINESS_ID_INVALID, ORGANIZATION.WEBSITE_INVALID.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the client saw, e.g. "3"' })
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateOrganizationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const changes: Partial<OrganizationDetails> = {};
    for (const field of ORGANIZATION_DETAIL_FIELDS) {
      const value = dto[field];
      if (value !== undefined) (changes as Record<string, unknown>)[field] = value;
    }
    return sendDomainCommand(this.bus, reply, id, 'organization', { type: 'UpdateOrganizationDetails', data: { organizationId: id, ...changes }, at: givenBusinessTime(dto) }, context);
  }
}
