import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegisterPerson, type RegisterPersonResult } from '@kuhina/application';
import { personDecider, personStream } from '@kuhina/domain';
import { CommandHandler, deriveEventId, EVENT_STORE, type CommandContext, type EventStore } from '@kuhina/event-store';
import type { EsfCharacteristics, PersonalData } from '@kuhina/privacy';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { requireOrganizations } from '../../common/references/reference.checks';
import type { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';
import { RegisterPersonRequestDto } from './register-person.request.dto';

export class RegisterPersonResponse extends CommandResponse {
  @ApiProperty({ example: true, description: 'false when a person with this e-mail already existed and was reused (nothing was recorded)' })
  created!: boolean;
}

const esfOf = (dto: EsfCharacteristicsDto | null | undefined): EsfCharacteristics | undefined => {
  if (!dto) return undefined;
  const esf: EsfCharacteristics = {};
  if (dto.gender !== undefined) esf.gender = dto.gender;
  if (dto.birthYear !== undefined) esf.birthYear = dto.birthYear;
  if (dto.labourMarketStatus !== undefined) esf.labourMarketStatus = dto.labourMarketStatus;
  if (dto.educationLevel !== undefined) esf.educationLevel = dto.educationLevel;
  if (dto.disability !== undefined) esf.disability = dto.disability;
  if (dto.migrantBackground !== undefined) esf.migrantBackground = dto.migrantBackground;
  return esf;
};

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class RegisterPersonHttpController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CommandHandler) private readonly handler: CommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a person (personal data encrypted per person); a person with the same e-mail is found and reused instead' })
  @ApiCreatedResponse({ type: RegisterPersonResponse, description: 'A new person was created' })
  @ApiOkResponse({ type: RegisterPersonResponse, description: 'A person with this e-mail already existed: their id, nothing recorded' })
  // The status depends on the outcome (201 or 200), which @HttpCode cannot express: this route sends its own reply.
  async register(@Body() dto: RegisterPersonRequestDto, @Command() context: CommandContext, @Res() reply: FastifyReply): Promise<void> {
    const id = resourceId(dto.id, context, 'person');
    const organizationId = dto.organizationId ?? null;
    if (organizationId !== null) await requireOrganizations(this.handler, [organizationId]);
    const esf = esfOf(dto.esf);
    const personalData: PersonalData = { name: dto.name, email: dto.email ?? null, phone: dto.phone ?? null, ...(esf ? { esf } : {}) };
    const result = await this.bus.execute<RegisterPerson, RegisterPersonResult>(new RegisterPerson({ personId: id, personalData, organizationId, at: businessTime(dto) }, context));

    const person = await this.handler.loadFresh(personDecider, personStream(result.personId));
    let { created, position } = result;
    if (!created && result.personId === id) {
      // RegisterPerson reports a retry (same Idempotency-Key) as "not created"; the first answer said created.
      const [first] = await this.store.findByIds(personStream(id), [deriveEventId(context.commandId, personStream(id), 0)]);
      if (first) ({ created, position } = { created: true, position: first.position });
    }
    withEtag(reply, person.revision);
    const body: RegisterPersonResponse = { id: result.personId, position: positionText(position ?? person.position), created };
    await reply.status(created ? 201 : 200).send(body);
  }
}
