import { PlanWorkshopCommand } from '../plan-workshop/plan-workshop.command';
import type { PlanWorkshopResult } from '../plan-workshop/plan-workshop.handler';
import { demoId, type SeedSession } from './seed-session';

// The demo's next webinar: the 2023 chain's webinar again, planned for spring 2027 with registration open through its
// public form, so that a first start shows the form working (the 2023 webinar itself is long over: its form would only
// say so). Its form asks what the 2023 forms asked: advance questions for the speakers (the webinar's), expectations and
// wishes for the coming competence centre (Helsinki's). Not in the 2023 chain: its figures stay the document's.

export const DEMO_NEXT_WEBINAR_ID = demoId('workshop:next-webinar');
export const DEMO_NEXT_WEBINAR_LINK_ID = demoId('registration-link:next-webinar');

/** Invented: the document ends with the 2023 webinar; the date, title and capacity here are the demo's. */
const NEXT_WEBINAR = {
  title: 'Webinaari: sosiaalisten innovaatioiden validointikehys käytännössä',
  theme: 'Validating social innovations: the framework presented at the 2023 webinar, a year of use',
  method: 'Webinar: presentations and a discussion of the advance questions',
  startsAt: '2027-03-17T12:00:00.000Z',
  endsAt: '2027-03-17T14:00:00.000Z',
  plannedAt: '2026-11-02T08:00:00.000Z',
};

export async function seedNextWebinar(s: SeedSession): Promise<void> {
  const { bus, context, run, track } = s;
  const workshopId = DEMO_NEXT_WEBINAR_ID;
  const planned = await bus.execute<PlanWorkshopCommand, PlanWorkshopResult>(
    new PlanWorkshopCommand(
      workshopId,
      {
        chainId: null,
        title: NEXT_WEBINAR.title,
        theme: NEXT_WEBINAR.theme,
        method: NEXT_WEBINAR.method,
        kind: 'information-event',
        format: 'webinar',
        location: null,
        startsAt: NEXT_WEBINAR.startsAt,
        endsAt: NEXT_WEBINAR.endsAt,
        targetGroups: ['social innovation developers', 'municipalities', 'NGOs', 'higher-education institutions'],
        access: 'open',
        capacity: 100,
        coOrganizerIds: [],
      },
      NEXT_WEBINAR.plannedAt,
      context('next-webinar:plan'),
    ),
  );
  track(planned.workshop);
  const at = (minutes: number) => new Date(Date.parse(NEXT_WEBINAR.plannedAt) + minutes * 60_000).toISOString();
  await run('workshop', 'next-webinar:form', {
    type: 'SetRegistrationForm',
    at: at(10),
    data: {
      workshopId,
      questions: [
        { questionId: 'advance', kind: 'advance-questions', label: { fi: 'Ennakkokysymykset puhujille', en: 'Questions for the speakers in advance' }, help: { fi: 'Yksi kysymys riville.', en: 'One question per line.' }, required: false },
        { questionId: 'expectations', kind: 'text', label: { fi: 'Mitä odotat webinaarilta?', en: 'What do you expect of the webinar?' }, help: null, required: false },
        { questionId: 'wishes', kind: 'text', label: { fi: 'Toiveesi tulevalle osaamiskeskukselle', en: 'Your wishes for the future competence centre' }, help: null, required: false },
      ],
    },
  });
  await run('workshop', 'next-webinar:link', { type: 'CreateRegistrationLink', at: at(11), data: { workshopId, linkId: DEMO_NEXT_WEBINAR_LINK_ID } });
  await run('workshop', 'next-webinar:open', { type: 'OpenRegistration', at: at(12), data: { workshopId } });
}
