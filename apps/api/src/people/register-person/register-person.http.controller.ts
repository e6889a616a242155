import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegisterPerson, type RegisterPersonResult } from '@kuhina/application';
import type { CommandContext } from '@kuhina/event-store';
import type { EsfCharacteristics, PersonalData } from '@kuhina/privacy';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import type { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';
import { RegisterPersonRequestDto } from './register-person.request.dto';

export class RegisterPersonResponse extends CommandResponse {
  @ApiProperty({ example: true, description: 'false when a person with this e-mail already existed and was reused (nothing was recorded)' })
  created!: boolean;
}

// The DTO holds only the characteristics the request gave (whitelisted, no defaults).
const esfOf = (dto: EsfCharacteristicsDto | null | undefined): EsfCharacteristics | undefined => (dto ? { ...dto } : undefined);

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class RegisterPersonHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a person (personal data encrypted per person); a person with the same e-mail is found and reused instead' })
  @ApiCreatedResponse({ type: RegisterPersonResponse, description: 'A new person was created' })
  @ApiOkResponse({ type: RegisterPersonResponse, description: 'A person with this e-mail already existed: their id, nothing recorded' })
  // The status depends on the outcome (201 or 200), which @HttpCode cannot express: this route sends its own reply.
  async register(@Body() dto: RegisterPersonRequestDto, @Command() context: CommandContext, @Res() reply: FastifyReply): Promise<void> {
    const id = resourceId(dto.id, context, 'person');
    const organizationId = dto.organizationId ?? null;
    const esf = esfOf(dto.esf);
    const personalData: PersonalData = { name: dto.name, email: dto.email ?? null, phone: dto.phone ?? null, ...(esf ? { esf } : {}) };
    const result = await this.bus.execute<RegisterPerson, RegisterPersonResult>(new RegisterPerson({ personId: id, personalData, organizationId, at: businessTime(dto) }, context));
    const { created, position, revision } = result;
    withEtag(reply, revision);
    const body: RegisterPersonResponse = { id: result.personId, position: positionText(position), created };
    await reply.status(created ? 201 : 200).send(body);
  }
}
