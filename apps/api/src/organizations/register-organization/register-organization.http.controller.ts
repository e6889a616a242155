import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { RegisterOrganizationRequestDto } from './register-organization.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class RegisterOrganizationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an organisation (city, NGO, university, social enterprise, ...)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async register(@Body() dto: RegisterOrganizationRequestDto, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const id = resourceId(dto.id, context, 'organization');
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'organization',
      {
        type: 'RegisterOrganization',
        data: {
          organizationId: id,
          name: dto.name,
          sector: dto.sector,
          municipality: dto.municipality ?? null,
          region: dto.region ?? null,
          businessId: dto.businessId ?? null,
          website: dto.website ?? null,
        },
        at: businessTime(dto),
      },
      context,
    );
  }
}
