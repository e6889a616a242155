import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ErasureResult } from '@kuhina/application';
import type { CommandContext } from '@kuhina/event-store';
import { ErasePersonCommand } from '@kuhina/application';
import { Roles } from '../../common/auth/roles.decorator';
import { businessTime } from '../../common/http/business-time';
import { Command } from '../../common/http/command-context';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ErasePersonRequestDto } from './erase-person.request.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ErasePersonHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/erase')
  @HttpCode(200)
  @Roles('backoffice')
  @ApiOperation({
    summary: "Erase a person's personal data for good (crypto-shredding; backoffice only)",
    description:
      "Records PersonalDataErased (erasedBy: the API key's name), then destroys the person's data key, so every copy of the sealed data in the log, its backups and replicas becomes unreadable, and frees the e-mail for a new registration. Aggregate figures (registrations, attendance, network) stay as they were; every view shows the person as erased. Erasing again answers 200 and records nothing. analyst and auditor: 403.",
  })
  @ApiOkResponse({ type: CommandResponse, description: '{ id, position }: the position of the erasure (of the earlier one when the person was already erased)' })
  @ApiNotFoundResponse({ description: 'PERSON.NOT_FOUND' })
  @ApiConflictResponse({ description: 'STREAM.CONCURRENT_WRITE; 412 with a stale If-Match' })
  @ApiForbiddenResponse({ description: 'analyst and auditor keys' })
  async erase(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ErasePersonRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.bus.execute<ErasePersonCommand, ErasureResult>(new ErasePersonCommand(id, dto.reason.trim(), businessTime(dto), context));
    withEtag(reply, result.revision);
    return { id, position: positionText(result.position) };
  }
}
