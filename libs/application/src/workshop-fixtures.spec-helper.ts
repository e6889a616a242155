import { randomBytes } from 'node:crypto';
import { RegisterPerson } from './register-person/register-person.command';
import { RegisterPersonHandler } from './register-person/register-person.handler';
import { chainDecider, chainStream, organizationDecider, organizationStream, workshopDecider, workshopStream, type WorkshopCommand, type WorkshopPlan } from '@kuhina/domain';
import type { CommandContext, CommandHandler } from '@kuhina/event-store';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';

// Givens shared by the handler specs of this folder: facts written through the real command handler,
// so every spec starts from a stream the production code could have produced.

export const AT = '2023-03-20T08:00:00.000Z';

export const RAUMA_PLAN: WorkshopPlan = {
  chainId: null,
  title: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla — tulevaisuustyöskentely',
  theme: 'Järjestötyön ja sosiaalialan tulevaisuus Raumalla',
  method: 'Futures workshop (tulevaisuusverstas); questions to speakers',
  kind: 'co-development',
  format: 'in-person',
  location: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
  startsAt: '2023-04-19T10:00:00.000Z',
  endsAt: '2023-04-19T13:30:00.000Z',
  targetGroups: ['municipal residents', 'NGO workers'],
  access: 'open',
  capacity: 45,
  coOrganizerIds: [],
};

type Context = (over?: Partial<CommandContext>) => CommandContext;

export async function givenWorkshop(handler: CommandHandler, context: Context, workshopId: string, plan: Partial<WorkshopPlan> = {}, ...then: WorkshopCommand[]): Promise<void> {
  await handler.handle(workshopDecider, workshopStream(workshopId), { type: 'PlanWorkshop', data: { workshopId, ...RAUMA_PLAN, ...plan }, at: AT }, context());
  for (const command of then) await handler.handle(workshopDecider, workshopStream(workshopId), command, context());
}

export const openRegistration = (workshopId: string): WorkshopCommand => ({ type: 'OpenRegistration', data: { workshopId }, at: AT });

export const registration = (workshopId: string, registrationId: string, personId: string): WorkshopCommand => ({
  type: 'RegisterParticipant',
  data: { workshopId, registrationId, personId, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
  at: AT,
});

export const markHeld = (workshopId: string, heldOn = '2023-04-19'): WorkshopCommand => ({ type: 'MarkHeld', data: { workshopId, heldOn }, at: '2023-04-19T14:00:00.000Z' });

export async function givenOrganization(handler: CommandHandler, context: Context, organizationId: string, name = 'Rauman kaupunki'): Promise<void> {
  await handler.handle(
    organizationDecider,
    organizationStream(organizationId),
    { type: 'RegisterOrganization', data: { organizationId, name, sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null }, at: AT },
    context(),
  );
}

export async function givenChain(handler: CommandHandler, context: Context, chainId: string): Promise<void> {
  await handler.handle(
    chainDecider,
    chainStream(chainId),
    {
      type: 'StartChain',
      data: {
        chainId,
        name: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat',
        fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
        esfOperationId: 'DEMO-ESF-2023-001',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        description: 'Five developmental workshops, April–October 2023',
      },
      at: AT,
    },
    context(),
  );
}

/** The real RegisterPerson handler over the given command handler, with an in-memory key store (keys are not what these specs test). */
export const personRegistrar = (handler: CommandHandler): RegisterPersonHandler => new RegisterPersonHandler(handler, new PersonalDataCipher(new MemoryKeyStore()), new BlindIndex(randomBytes(32)));

export async function givenPerson(handler: CommandHandler, context: Context, name: string, email: string | null = null): Promise<string> {
  const result = await personRegistrar(handler).execute(new RegisterPerson({ personalData: { name, email, phone: null }, organizationId: null, at: AT }, context()));
  return result.personId;
}

/** Workshop 2 of the demo chain: a street event (bench café) in Pori, open to anyone, without a capacity. */
export const STREET_EVENT_PLAN: Partial<WorkshopPlan> = {
  title: 'Työpaja 2: Penkkikahvila SuomiAreenassa',
  theme: 'Kuntalaisten ajatuksia sosiaalisista innovaatioista',
  method: 'Bench café (Penkkikahvila)',
  kind: 'street-event',
  location: { venue: 'Tent on the pedestrian street', municipality: 'Pori', region: 'Satakunta' },
  startsAt: '2023-06-14T11:00:00+03:00',
  endsAt: '2023-06-14T17:00:00+03:00',
  targetGroups: ['citizens'],
  capacity: null,
};

type DataOf<T extends WorkshopCommand['type']> = Extract<WorkshopCommand, { type: T }>['data'];

export const cancelled = (workshopId: string, reason = 'The public event was called off'): WorkshopCommand => ({ type: 'CancelWorkshop', data: { workshopId, reason }, at: AT });

export const reported = (workshopId: string, summary = 'Workshop held; feedback collected.'): WorkshopCommand => ({ type: 'ReportWorkshop', data: { workshopId, summary }, at: AT });

export const pledged = (workshopId: string, pledgeId: string, organizationId: string, details: Partial<DataOf<'PledgeResource'>> = {}): WorkshopCommand => ({
  type: 'PledgeResource',
  data: { workshopId, pledgeId, organizationId, kind: 'venue', description: 'Offer of a meeting room', inKindValueCents: 30_000, valuationBasis: 'Association meeting-room rate', ...details },
  at: AT,
});

export const recordedExpense = (workshopId: string, expenseId: string, details: Partial<DataOf<'RecordExpense'>> = {}): WorkshopCommand => ({
  type: 'RecordExpense',
  data: { workshopId, expenseId, category: 'materials', amountCents: 6_400, fundingSource: 'esf', receiptReference: 'RCPT-2023-04-17-0032', description: 'Flip-chart paper and sticky notes', incurredOn: '2023-04-17', ...details },
  at: AT,
});

export const collectedCitizenInput = (workshopId: string, inputId: string, details: Partial<DataOf<'CollectCitizenInput'>> = {}): WorkshopCommand => ({
  type: 'CollectCitizenInput',
  data: { workshopId, inputId, topic: 'Everyday life in Pori', summary: 'Citizens asked for low-threshold meeting places.', citizensHeard: 126, collectedAt: '2023-06-14', ...details },
  at: AT,
});
