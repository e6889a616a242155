import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { WorkshopErrors } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { WORKSHOP_DETAIL_COLLECTION, type WorkshopDetailView } from '@kuhina/read-model';
import { Roles } from '../../common/auth/roles.decorator';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { ViewReader } from '../../common/views/view-reader';
import { FormTokens } from '../form-tokens';
import { CreateRegistrationLinkRequestDto, RevokeRegistrationLinkRequestDto, SetRegistrationFormRequestDto } from './registration-form.request.dto';

export class RegistrationLinksQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An invited person: each link then carries their personal invitation (invitation-only workshops)' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

/** A link as the back office hands it out: `path` is the public form's address on this server. */
export interface RegistrationLinkAnswer {
  linkId: string;
  path: string;
  active: boolean;
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RegistrationFormHttpController {
  constructor(
    private readonly bus: CommandBus,
    private readonly views: ViewReader,
    private readonly tokens: FormTokens,
  ) {}

  @Post(':id/registration-form')
  @HttpCode(200)
  @ApiOperation({
    summary: "Set the questions of the workshop's public registration form (replaces the earlier ones)",
    description:
      'Free-text questions (`text`) and the advance questions for the speakers (`advance-questions`), each labelled in Finnish and English. The form always asks name, e-mail, organisation, dietary and accessibility needs, the attendance mode where the format allows a choice, the optional ESF+ characteristics and the two consents. Before the workshop only. Refusals: 400 FORM.INVALID_FIELD; 404 WORKSHOP.NOT_FOUND; 409 WORKSHOP.ALREADY_HELD, WORKSHOP.CANCELLED.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the workshop id' })
  async setForm(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: SetRegistrationFormRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const questions = dto.questions.map(({ questionId, kind, label, help, required }) => ({
      questionId,
      kind,
      label: { fi: label.fi, en: label.en ?? '' },
      help: help ? { fi: help.fi, en: help.en ?? '' } : null,
      required,
    }));
    return sendDomainCommand(this.bus, reply, workshopId, 'workshop', { type: 'SetRegistrationForm', data: { workshopId, questions }, at: givenBusinessTime(dto) }, context);
  }

  @Post(':id/registration-links')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Make a public link to the registration form (no API key needed to use it; revocable)',
    description:
      'The answer\'s `path` (`/r/<token>`) is the form on this server: unguessable (a MAC under the installation\'s key), shown again by GET /workshops/:id/registration-links. Registration must be open for the form to register anyone. Refusals: 404 WORKSHOP.NOT_FOUND; 409 WORKSHOP.ALREADY_HELD, WORKSHOP.CANCELLED.',
  })
  @ApiCreatedResponse({ description: '{ id, position, path }: `id` is the link id' })
  async createLink(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: CreateRegistrationLinkRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { path: string }> {
    const linkId = resourceId(dto.id, context, 'registration-link');
    const written = await sendDomainCommand(this.bus, reply, linkId, 'workshop', { type: 'CreateRegistrationLink', data: { workshopId, linkId }, at: givenBusinessTime(dto) }, context);
    return { ...written, path: `/r/${this.tokens.formLink(workshopId, linkId)}` };
  }

  @Post(':id/registration-links/:linkId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a link: the form behind it registers nobody from now on (registrations made stay)', description: 'Refusals: 404 WORKSHOP.NOT_FOUND, FORM.LINK_NOT_FOUND.' })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the link id' })
  async revokeLink(
    @Param('id', uuidParam('id')) workshopId: string,
    @Param('linkId', uuidParam('linkId')) linkId: string,
    @Body() dto: RevokeRegistrationLinkRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, linkId, 'workshop', { type: 'RevokeRegistrationLink', data: { workshopId, linkId, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }

  @Get(':id/registration-links')
  @Roles('backoffice')
  @ViewRead()
  @ApiOperation({ summary: "The workshop's form links (back office): each with its public path; with `personId`, the invited person's own" })
  @ApiOkResponse({ description: '{ workshopId, questions, links }' })
  async links(@Param('id', uuidParam('id')) workshopId: string, @Query() query: RegistrationLinksQueryDto): Promise<{ workshopId: string; questions: NonNullable<WorkshopDetailView['form']>['questions']; links: RegistrationLinkAnswer[] }> {
    const view = await this.views.one<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    const invitation = query.personId ? `?invitation=${this.tokens.invitation(workshopId, query.personId)}` : '';
    const links = (view.form?.links ?? []).map((link) => ({ ...link, path: `/r/${this.tokens.formLink(workshopId, link.linkId)}${invitation}`, active: link.revokedAt === null }));
    return { workshopId, questions: view.form?.questions ?? [], links };
  }
}
