import { ViewRead } from '../../common/http/view-read';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WORKSHOP_ACCESS, WORKSHOP_FORMATS, WORKSHOP_KINDS, type WorkshopLocation } from '@kuhina/domain';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { WorkshopLocationDto } from '../plan-workshop/workshop-location.request.dto';
import type { WorkshopCounts, WorkshopDetails, WorkshopView } from './get-workshop.handler';
import { GetWorkshopQuery } from './get-workshop.query';

const STATUSES: WorkshopDetails['status'][] = ['planned', 'registration-open', 'registration-closed', 'held', 'reported', 'cancelled'];

class StaffCountResponse {
  @ApiProperty({ example: 2, description: 'Active registrations in this role' }) registered!: number;
  @ApiProperty({ example: 2, description: 'Of them, whose attendance was recorded' }) attended!: number;
}

/** The people who ran the workshop, by role: counted apart from the participants. */
class StaffCountsResponse {
  @ApiProperty({ type: StaffCountResponse, description: "The hub's core team" }) organiser!: StaffCountResponse;
  @ApiProperty({ type: StaffCountResponse, description: 'Partner staff' }) host!: StaffCountResponse;
  @ApiProperty({ type: StaffCountResponse, description: 'Speakers and presenters' }) speaker!: StaffCountResponse;
}

class ProgrammeSpeakerResponse {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'The social-innovation validation framework in practice' }) topic!: string | null;
  @ApiProperty({ example: false, description: 'Speakers are unpaid as a rule' }) paid!: boolean;
  @ApiProperty({ enum: ['registered', 'cancelled'] }) status!: 'registered' | 'cancelled';
  @ApiProperty({ example: true }) attended!: boolean;
}

/** The workshop's one set of counts: the same figures as GET /workshops/:id/registrations and the chain's workshop. */
export class WorkshopCountsResponse implements WorkshopCounts {
  @ApiProperty({ example: 31, description: 'Seats taken by participants: registrations now registered (promoted ones included)' }) registered!: number;
  @ApiProperty({ example: 4 }) waitlisted!: number;
  @ApiProperty({ example: 2 }) cancelled!: number;
  @ApiProperty({ example: 29, description: 'Registrations whose attendance was recorded (on site or remote)' }) attended!: number;
  @ApiProperty({ example: 0, description: 'People invited (invitation-only workshops); not registrations' }) invited!: number;
  @ApiProperty({ type: StaffCountsResponse, description: 'Organisers, hosts and speakers: they take no seat and are not participants in any figure above' }) staff!: StaffCountsResponse;
}

/** For the OpenAPI description; the answer is the handler's WorkshopDetails. */
export class WorkshopResponse implements WorkshopDetails {
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty({ enum: STATUSES, example: 'registration-open' }) status!: WorkshopDetails['status'];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) chainId!: string | null;
  @ApiProperty({ example: 'Työpaja 3: Yhteiskunnallinen yrittäjyys Lapissa (hybridi)' }) title!: string;
  @ApiProperty({ example: 'Social enterprises and higher education: regional and national developers in one discussion' }) theme!: string;
  @ApiProperty({ example: 'Hybrid workshop: on-site in Kemi and a webinar' }) method!: string;
  @ApiProperty({ enum: WORKSHOP_KINDS, example: 'co-development' }) kind!: WorkshopDetails['kind'];
  @ApiProperty({ enum: WORKSHOP_FORMATS, example: 'hybrid' }) format!: WorkshopDetails['format'];
  @ApiProperty({ enum: WORKSHOP_ACCESS, example: 'open' }) access!: WorkshopDetails['access'];
  @ApiPropertyOptional({ type: WorkshopLocationDto, nullable: true }) location!: WorkshopLocation | null;
  @ApiProperty({ example: '2023-09-12T09:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2023-09-12T12:00:00.000Z' }) endsAt!: string;
  @ApiProperty({ type: [String], example: ['social enterprises', 'higher-education institutions'] }) targetGroups!: string[];
  @ApiProperty({ nullable: true, type: Number, example: 40, description: 'null: unlimited' }) capacity!: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) coOrganizerIds!: string[];
  @ApiProperty({ nullable: true, type: String, example: '2023-09-12' }) heldOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) reportedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ type: WorkshopCountsResponse, description: 'Registration counts, folded by the one counting function every answer uses' }) counts!: WorkshopCountsResponse;
  @ApiProperty({ type: Object, description: 'Pledges, expenses (with corrections and voids), totals, dates, citizen input, planning meetings, sustainability' })
  detail!: WorkshopDetails['detail'];
  @ApiProperty({ type: [ProgrammeSpeakerResponse], description: "The programme's speakers and presenters, in the order they registered" }) programme!: ProgrammeSpeakerResponse[];
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class GetWorkshopHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ViewRead()
  @ApiOperation({
    summary: 'One workshop: plan, status, counts, pledges, expenses, totals and outcomes, from the workshop-detail view. No personal data: people appear as counts.',
    description:
      'Answered from the views: after a write, pass its `position` as `consistentWith` to read it (a 404 then means no such workshop). The ETag is the revision of the workshop\'s stream the view has seen, for If-Match on the next write.',
  })
  @ApiOkResponse({ type: WorkshopResponse, description: 'ETag carries the workshop revision, for If-Match on the next write' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<WorkshopDetails> {
    const view = await this.bus.execute<GetWorkshopQuery, WorkshopView>(new GetWorkshopQuery(id));
    withEtag(reply, view.revision);
    return view.workshop;
  }
}
