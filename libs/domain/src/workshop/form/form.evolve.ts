import { emptyIdMap, idMapSet } from '../id-map';
import type { RegistrationFormSet, RegistrationLinkCreated, RegistrationLinkRevoked } from '../workshop.events';
import { fingerprint } from '../workshop.validation';
import type { ExistingWorkshop } from '../workshop.state';

export type FormEvent = RegistrationFormSet | RegistrationLinkCreated | RegistrationLinkRevoked;

export function evolveForm(w: ExistingWorkshop, event: FormEvent): ExistingWorkshop {
  switch (event.type) {
    case 'RegistrationFormSet':
      return { ...w, form: { key: fingerprint(event.data.questions), version: event.data.version } };
    case 'RegistrationLinkCreated':
      return { ...w, links: idMapSet(w.links ?? emptyIdMap(), event.data.linkId, 'active') };
    case 'RegistrationLinkRevoked':
      return { ...w, links: idMapSet(w.links ?? emptyIdMap(), event.data.linkId, 'revoked') };
  }
}
