import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { RegisterParticipantCommand, type Participant, type RegisterParticipantResult } from '@kuhina/application';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { uuidParam } from '../../common/http/uuid-param';
import { RequestValidationError } from '../../common/problem/http-problems';
import { RegisterParticipantRequestDto } from './register-participant.request.dto';

export class RegistrationResponse extends CommandResponse {
  @ApiProperty({
    enum: ['registered', 'waitlisted', 'cancelled'],
    example: 'waitlisted',
    description: 'registered: holds a seat; waitlisted: gets one when a seat frees, first come first served. (cancelled: only when an earlier request with this registration id was cancelled since.)',
  })
  status!: RegisterParticipantResult['status'];

  @ApiProperty({ format: 'uuid', description: 'The participant: the given personId, or the person created or found by e-mail' })
  personId!: string;
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RegisterParticipantHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/registrations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a participant: an existing person (personId) or one described inline (person: created, or reused by e-mail). Seats go first come first served; when full, the participant is waitlisted.',
    description:
      'Also registers the people who run the workshop, with `role`: organiser, host or speaker. They take no seat, are never waitlisted, and count apart from the participants in every figure (ESF+ indicators count participants only).',
  })
  @ApiCreatedResponse({ type: RegistrationResponse, description: 'id: the registration id; ETag: the workshop revision' })
  async register(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RegisterParticipantRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationResponse> {
    const registrationId = resourceId(dto.id, context, 'registration');
    const result = await this.bus.execute<RegisterParticipantCommand, RegisterParticipantResult>(
      new RegisterParticipantCommand(
        workshopId,
        registrationId,
        participantOf(dto),
        {
          organizationId: dto.organizationId ?? null,
          attendanceMode: dto.attendanceMode,
          expectations: dto.expectations ?? null,
          advanceQuestions: dto.advanceQuestions ?? [],
          role: dto.role ?? 'participant',
          speaker: dto.speaker ? { topic: dto.speaker.topic ?? null, paid: dto.speaker.paid ?? false } : null,
        },
        givenBusinessTime(dto),
        context,
      ),
    );
    withEtag(reply, result.workshop.revision);
    return { id: registrationId, status: result.status, personId: result.personId, position: positionText(result.position) };
  }
}

function participantOf(dto: RegisterParticipantRequestDto): Participant {
  if (dto.personId !== undefined && dto.person === undefined) return { personId: dto.personId };
  if (dto.person && dto.personId === undefined) {
    const { name, email, phone, organizationId, esf } = dto.person;
    return { person: { name, email: email ?? null, phone: phone ?? null, organizationId: organizationId ?? null, ...(esf ? { esf: { ...esf } } : {}) } };
  }
  const message = dto.personId === undefined ? 'give the participant as personId or as person' : 'give personId or person, not both';
  throw new RequestValidationError([
    { field: 'body.personId', rule: 'exactlyOneOf', message },
    { field: 'body.person', rule: 'exactlyOneOf', message },
  ]);
}
