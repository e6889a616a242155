import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { laterPosition, PlanWorkshopCommand, type PlanWorkshopResult } from '@kuhina/application';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { PlanWorkshopRequestDto } from './plan-workshop.request.dto';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class PlanWorkshopHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Plan a workshop; with chainId it is also added to that chain (404 CHAIN.NOT_FOUND before anything is written)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'ETag: the workshop revision; position: the last event written (the chain step when there is one)' })
  async plan(@Body() dto: PlanWorkshopRequestDto, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const id = resourceId(dto.id, context, 'workshop');
    const result = await this.bus.execute<PlanWorkshopCommand, PlanWorkshopResult>(
      new PlanWorkshopCommand(
        id,
        {
          chainId: dto.chainId ?? null,
          title: dto.title,
          theme: dto.theme,
          method: dto.method,
          kind: dto.kind,
          format: dto.format,
          location: dto.location ? { venue: dto.location.venue, municipality: dto.location.municipality, region: dto.location.region } : null,
          startsAt: dto.startsAt,
          endsAt: dto.endsAt,
          targetGroups: dto.targetGroups ?? [],
          access: dto.access,
          capacity: dto.capacity ?? null,
          coOrganizerIds: dto.coOrganizerIds ?? [],
        },
        givenBusinessTime(dto),
        context,
      ),
    );
    withEtag(reply, result.workshop.revision);
    return { id, position: positionText(laterPosition(result.workshop.position, result.chain?.position ?? null)) };
  }
}
