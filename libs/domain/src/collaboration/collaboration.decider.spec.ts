import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { CollaborationCommand } from './collaboration.commands';
import { collaborationDecider } from './collaboration.decider';
import { CollaborationErrors } from './collaboration.errors';
import type { CollaborationEvent } from './collaboration.events';

const collaborationId = 'c0000000-0000-4000-8000-0000000000c1';
const lapinAmk = 'o-lapland-uas';
const socialEnterprise = 'o-social-enterprise';
const cityOfKemi = 'o-city-of-kemi';
const kemiWorkshop = 'w-kemi';
const at = '2023-10-02T09:00:00+03:00';
const later = '2024-02-15T16:00:00+02:00';

const recordData = {
  collaborationId,
  organizationIds: [lapinAmk, socialEnterprise],
  sparkedByWorkshopId: kemiWorkshop,
  title: 'Joint course on social enterprise business models',
  description: 'Met at the Kemi hybrid workshop',
  startedOn: '2023-09-20',
};

const record = (overrides: Record<string, unknown> = {}): CollaborationCommand =>
  ({ type: 'RecordCollaboration', data: { ...recordData, ...overrides }, at }) as CollaborationCommand;
const recorded: CollaborationEvent = { type: 'CollaborationRecorded', data: { ...recordData, at } };
const addPartner = (organizationId: string, joinedOn?: string, commandAt = later): CollaborationCommand => ({
  type: 'AddCollaborationPartner',
  data: { collaborationId, organizationId, ...(joinedOn !== undefined && { joinedOn }) },
  at: commandAt,
});
const partnerAdded = (organizationId: string, joinedOn: string): CollaborationEvent => ({
  type: 'CollaborationPartnerAdded',
  data: { collaborationId, organizationId, joinedOn, at: later },
});
const end = (endedOn = '2024-06-30', outcome = 'Course piloted with 24 students'): CollaborationCommand => ({
  type: 'EndCollaboration',
  data: { collaborationId, endedOn, outcome },
  at: later,
});
const endedEvent: CollaborationEvent = {
  type: 'CollaborationEnded',
  data: { collaborationId, endedOn: '2024-06-30', outcome: 'Course piloted with 24 students', at: later },
};
const updateDetails = (changes: { title?: string; description?: string }): CollaborationCommand => ({
  type: 'UpdateCollaborationDetails',
  data: { collaborationId, ...changes },
  at: later,
});

const sut = DeciderSpecification.for(collaborationDecider);

describe('Collaboration decider', () => {
  describe('RecordCollaboration: at least two distinct organisations, recorded once', () => {
    it('records a collaboration sparked by a workshop', () => {
      sut.given([]).when(record()).then([recorded]);
    });

    it('records one that no workshop sparked', () => {
      sut
        .given([])
        .when(record({ sparkedByWorkshopId: null }))
        .then([{ type: 'CollaborationRecorded', data: { ...recordData, sparkedByWorkshopId: null, at } }]);
    });

    it('refuses a single organisation', () => {
      sut.given([]).when(record({ organizationIds: [lapinAmk] })).thenThrows(CollaborationErrors.TOO_FEW_PARTNERS);
    });

    it('refuses the same organisation twice', () => {
      sut.given([]).when(record({ organizationIds: [lapinAmk, lapinAmk] })).thenThrows(CollaborationErrors.DUPLICATE_PARTNER);
    });

    it('refuses a blank organisation id or title', () => {
      sut.given([]).when(record({ organizationIds: [lapinAmk, ''] })).thenThrows(CollaborationErrors.BLANK_FIELD);
      sut.given([]).when(record({ title: ' ' })).thenThrows(CollaborationErrors.BLANK_FIELD);
    });

    it('refuses a start date that is not YYYY-MM-DD', () => {
      sut.given([]).when(record({ startedOn: '20.9.2023' })).thenThrows(CollaborationErrors.INVALID_DATE);
    });

    it('repeating the same record is idempotent: no events, even after partners joined', () => {
      sut.given([recorded, partnerAdded(cityOfKemi, '2024-02-15')]).when(record()).thenNothingHappens();
    });

    it('refuses recording an existing collaboration with other data', () => {
      sut.given([recorded]).when(record({ title: 'Something else' })).thenThrows(CollaborationErrors.ALREADY_EXISTS);
    });
  });

  describe('commands on a collaboration that does not exist', () => {
    it.each([addPartner(cityOfKemi), end(), updateDetails({ title: 'x' })])('refuses $type with COLLABORATION.NOT_FOUND', (command) => {
      sut.given([]).when(command).thenThrows(CollaborationErrors.NOT_FOUND);
    });

    it('refuses a command naming another collaboration than its stream', () => {
      sut
        .given([recorded])
        .when({ type: 'AddCollaborationPartner', data: { collaborationId: 'other', organizationId: cityOfKemi }, at: later })
        .thenThrows(CollaborationErrors.ID_MISMATCH);
    });
  });

  describe('AddCollaborationPartner', () => {
    it('adds a partner on the given date', () => {
      sut.given([recorded]).when(addPartner(cityOfKemi, '2024-01-10')).then([partnerAdded(cityOfKemi, '2024-01-10')]);
    });

    it('without a date, the partner joins on the date of the command', () => {
      sut.given([recorded]).when(addPartner(cityOfKemi)).then([partnerAdded(cityOfKemi, '2024-02-15')]);
    });

    it('adding a current partner again gives no events', () => {
      sut.given([recorded]).when(addPartner(lapinAmk)).thenNothingHappens();
    });

    it('refuses a joining date before the collaboration started', () => {
      sut.given([recorded]).when(addPartner(cityOfKemi, '2023-09-19')).thenThrows(CollaborationErrors.DATE_BEFORE_START);
    });

    it('refuses a partner after the collaboration ended', () => {
      sut.given([recorded, endedEvent]).when(addPartner(cityOfKemi, '2024-07-01')).thenThrows(CollaborationErrors.ENDED);
    });

    it('the state lists founders then added partners', () => {
      const state = fold(collaborationDecider, [recorded, partnerAdded(cityOfKemi, '2024-01-10')]);
      expect(state).toMatchObject({ organizationIds: [lapinAmk, socialEnterprise, cityOfKemi], foundingOrganizationIds: [lapinAmk, socialEnterprise] });
    });
  });

  describe('UpdateCollaborationDetails: only changed fields, only while active', () => {
    it('records only what changed', () => {
      sut
        .given([recorded])
        .when(updateDetails({ title: recordData.title, description: 'Met in Kemi; course planned with the city' }))
        .then([
          { type: 'CollaborationDetailsUpdated', data: { collaborationId, description: 'Met in Kemi; course planned with the city', at: later } },
        ]);
    });

    it('nothing changed: no events', () => {
      sut.given([recorded]).when(updateDetails({ title: recordData.title })).thenNothingHappens();
    });

    it('refuses changes once ended', () => {
      sut.given([recorded, endedEvent]).when(updateDetails({ title: 'Renamed' })).thenThrows(CollaborationErrors.ENDED);
    });
  });

  describe('EndCollaboration: ended ones refuse changes', () => {
    it('ends an active collaboration', () => {
      sut.given([recorded]).when(end()).then([endedEvent]);
    });

    it('ending again with the same data gives no events', () => {
      sut.given([recorded, endedEvent]).when(end()).thenNothingHappens();
    });

    it('refuses ending again with other data', () => {
      sut.given([recorded, endedEvent]).when(end('2024-07-31')).thenThrows(CollaborationErrors.ENDED);
    });

    it('refuses an end before the start', () => {
      sut.given([recorded]).when(end('2023-09-19')).thenThrows(CollaborationErrors.DATE_BEFORE_START);
    });

    it('refuses a blank outcome', () => {
      sut.given([recorded]).when(end('2024-06-30', '')).thenThrows(CollaborationErrors.BLANK_FIELD);
    });

    it('the ended state keeps the outcome and is plain JSON', () => {
      const state = fold(collaborationDecider, [recorded, endedEvent]);
      expect(state).toMatchObject({ status: 'ended', endedOn: '2024-06-30', outcome: 'Course piloted with 24 students' });
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  });
});
