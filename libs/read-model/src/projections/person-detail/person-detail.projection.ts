import { PERSON_EVENT_TYPES, type EncryptedPersonalData, type PersonEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import { PERSON_DETAIL_COLLECTION, type PersonConsentEntry, type PersonDetailView } from './person-detail.view';

const handled: ReadonlySet<string> = new Set(PERSON_EVENT_TYPES);

// A recorded event has the domain event's `type` and `data`: read it as one, without a copy.
const asPersonEvent = (event: RecordedEvent): PersonEvent => event as unknown as PersonEvent;

/** A copy of the envelope: the view never shares objects with the event. */
const sealed = ({ alg, keyId, iv, tag, ciphertext }: EncryptedPersonalData): EncryptedPersonalData => ({ alg, keyId, iv, tag, ciphertext });

/** One document per person: the sealed personal data, the affiliation and whether it was erased, with the stream's revision. */
export const personDetailProjection = mutatorProjection<PersonDetailView>({
  name: 'person-detail',
  // 2: consents (a rebuild fills them in for the people recorded before).
  version: 2,
  collection: PERSON_DETAIL_COLLECTION,
  eventTypes: PERSON_EVENT_TYPES,

  keysOf(event) {
    if (!handled.has(event.type)) return [];
    return [asPersonEvent(event).data.personId];
  },

  apply(view, event, key) {
    if (!handled.has(event.type) || alreadyApplied(view, event)) return view;
    const person = asPersonEvent(event);
    if (person.type === 'PersonCreated') {
      // Never resurrect an erased person (the decider refuses it; the view does not rely on that).
      if (view?.status === 'erased') return stamped(view, event);
      const { personalData, organizationId, at } = person.data;
      return stamped({ personId: key, status: 'active', personalData: sealed(personalData), organizationId, createdAt: at, erasedAt: null, consents: [], revision: 0, lastPosition: '' }, event);
    }
    // A person's other events never precede PersonCreated in its stream: without it there is nobody to show.
    if (!view) return undefined;
    switch (person.type) {
      case 'PersonalDataUpdated':
        if (view.status === 'active') view.personalData = sealed(person.data.personalData);
        break;
      case 'PersonAffiliationChanged':
        view.organizationId = person.data.organizationId;
        break;
      case 'PersonalDataErased':
        view.status = 'erased';
        view.personalData = null;
        view.erasedAt = person.data.at;
        view.consents = [];
        break;
      case 'ConsentGiven': {
        const { purpose, givenOn, source, wordingVersion, at } = person.data;
        addConsent(view, { purpose, action: 'given', on: givenOn, source, wordingVersion, at, revision: event.revision });
        break;
      }
      case 'ConsentWithdrawn': {
        const { purpose, withdrawnOn, source, wordingVersion, at } = person.data;
        addConsent(view, { purpose, action: 'withdrawn', on: withdrawnOn, source, wordingVersion, at, revision: event.revision });
        break;
      }
      default:
        break;
    }
    return stamped(view, event);
  },
});

/** Keeps a consent once (by its revision), and none for an erased person. */
function addConsent(view: PersonDetailView, entry: PersonConsentEntry): void {
  if (view.status !== 'active') return;
  const consents = (view.consents ??= []);
  if (!consents.some((known) => known.revision === entry.revision)) consents.push(entry);
}

/** The revision and position of the event just applied. */
function stamped(view: PersonDetailView, event: RecordedEvent): PersonDetailView {
  view.revision = event.revision;
  view.lastPosition = eventPositionText(event);
  return view;
}
