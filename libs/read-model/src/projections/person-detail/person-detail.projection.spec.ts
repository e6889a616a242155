import type { EncryptedPersonalData } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { CHAIN, ORG, chainStarted } from '../workshop-chain/chain-events.spec-helper';
import { personDetailProjection as sut } from './person-detail.projection';

const AINO = 'b0000000-0000-4000-8000-0000000000a1';
const EERO = 'b0000000-0000-4000-8000-0000000000e1';

/** A sealed envelope as the cipher writes it (the projection never opens it). */
const envelope = (ciphertext: string): EncryptedPersonalData => ({ alg: 'A256GCM', keyId: `person-${AINO}`, iv: 'aXZpdml2aXZpdml2', tag: 'dGFndGFndGFndGFndGFnMQ==', ciphertext });

const created = (personId = AINO, organizationId: string | null = ORG.rauma) =>
  recorded('PersonCreated', { personId, personalData: envelope('c2VhbGVkLTE='), emailBlindIndex: 'bi:aino', organizationId, esfProfile: null, at: '2023-03-01T10:00:00+02:00' });

const updated = () =>
  recorded('PersonalDataUpdated', { personId: AINO, personalData: envelope('c2VhbGVkLTI='), emailBlindIndex: 'bi:aino2', previousEmailBlindIndex: 'bi:aino', esfProfile: null, at: '2023-04-01T10:00:00+03:00' });

const given = (overrides: Record<string, unknown> = {}) =>
  recorded('ConsentGiven', { personId: AINO, purpose: 'future-workshops', givenOn: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1', at: '2023-04-19T12:00:00.000Z', ...overrides });
const withdrawn = (overrides: Record<string, unknown> = {}) =>
  recorded('ConsentWithdrawn', { personId: AINO, purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail', wordingVersion: null, at: '2023-06-01T12:00:00.000Z', ...overrides });

const erased = () => recorded('PersonalDataErased', { personId: AINO, reason: 'data subject request', erasedBy: 'office', emailBlindIndex: 'bi:aino2', at: '2024-01-02T10:00:00+02:00' });

describe('person-detail projection', () => {
  it('PersonCreated keeps the sealed personal data exactly as the event carries it, the affiliation and the revision', async () => {
    const when = created();
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then({
        personId: AINO,
        status: 'active',
        personalData: envelope('c2VhbGVkLTE='),
        organizationId: ORG.rauma,
        createdAt: '2023-03-01T10:00:00+02:00',
        erasedAt: null,
        consents: [],
        revision: when.revision,
        lastPosition: when.position.toString(),
      });
  });

  it('PersonalDataUpdated replaces the sealed data and moves the revision on', async () => {
    const first = created();
    const when = updated();
    await ProjectionSpec.for(sut)
      .given([first])
      .when(when)
      .then((view) => {
        expect(view).toMatchObject({ status: 'active', personalData: envelope('c2VhbGVkLTI='), revision: first.revision + 1, lastPosition: when.position.toString() });
      });
  });

  it('PersonAffiliationChanged changes (or clears) the affiliation only', async () => {
    await ProjectionSpec.for(sut)
      .given([created(), updated()])
      .when(recorded('PersonAffiliationChanged', { personId: AINO, organizationId: null, previousOrganizationId: ORG.rauma, at: '2023-05-01T10:00:00+03:00' }))
      .then((view) => expect(view).toMatchObject({ organizationId: null, personalData: envelope('c2VhbGVkLTI=') }));
  });

  it('PersonalDataErased drops the sealed data and marks the person erased; the affiliation stays', async () => {
    const given = [created(), updated()];
    const when = erased();
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then((view) => {
        expect(view).toMatchObject({ status: 'erased', personalData: null, erasedAt: '2024-01-02T10:00:00+02:00', organizationId: ORG.rauma, lastPosition: when.position.toString() });
        expect(JSON.stringify(view)).not.toContain('c2VhbGVk');
      });
  });

  it('an update after the erasure never brings sealed data back', async () => {
    await ProjectionSpec.for(sut)
      .given([created(), erased()])
      .when(updated())
      .then((view) => expect(view).toMatchObject({ status: 'erased', personalData: null }));
  });

  it('idempotent if applied twice (an update delivered again leaves the document as it was)', async () => {
    const first = created();
    const when = updated();
    await ProjectionSpec.for(sut)
      .given([first])
      .when(when)
      .then({
        personId: AINO,
        status: 'active',
        personalData: envelope('c2VhbGVkLTI='),
        organizationId: ORG.rauma,
        createdAt: '2023-03-01T10:00:00+02:00',
        erasedAt: null,
        consents: [],
        revision: first.revision + 1,
        lastPosition: when.position.toString(),
      });
  });

  describe('consent', () => {
    it('ConsentGiven adds the record with its business time and revision', async () => {
      const first = created();
      const when = given();
      await ProjectionSpec.for(sut)
        .given([first])
        .when(when)
        .then((view) => {
          expect(view?.consents).toEqual([
            { purpose: 'future-workshops', action: 'given', on: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1', at: '2023-04-19T12:00:00.000Z', revision: when.revision },
          ]);
          expect(view).toMatchObject({ revision: when.revision, lastPosition: when.position.toString() });
        });
    });

    it('ConsentWithdrawn adds a record after the consent; the history of every purpose is kept in log order', async () => {
      const history = [created(), given(), given({ purpose: 'named-in-reports', source: 'in-person' })];
      const when = withdrawn();
      await ProjectionSpec.for(sut)
        .given(history)
        .when(when)
        .then((view) => {
          expect(view?.consents?.map((entry) => [entry.purpose, entry.action, entry.on, entry.source, entry.wordingVersion])).toEqual([
            ['future-workshops', 'given', '2023-04-19', 'form', 'rauma-2023-v1'],
            ['named-in-reports', 'given', '2023-04-19', 'in-person', 'rauma-2023-v1'],
            ['future-workshops', 'withdrawn', '2023-06-01', 'e-mail', null],
          ]);
        });
    });

    it('idempotent if applied twice: a consent delivered again is kept once', async () => {
      await ProjectionSpec.for(sut)
        .given([created(), given()])
        .when(withdrawn())
        .then((view) => expect(view?.consents).toHaveLength(2));
    });

    it('PersonalDataErased drops every consent: an erased person has none', async () => {
      await ProjectionSpec.for(sut)
        .given([created(), given(), withdrawn({ purpose: 'named-in-reports' })])
        .when(erased())
        .then((view) => expect(view).toMatchObject({ status: 'erased', consents: [] }));
    });

    it('a consent after the erasure is not kept', async () => {
      await ProjectionSpec.for(sut)
        .given([created(), erased()])
        .when(given())
        .then((view) => expect(view).toMatchObject({ status: 'erased', consents: [] }));
    });

    it('a document of version 1 (no consents yet) takes its first consent', async () => {
      const first = created();
      const when = given();
      const view = sut.project({ ...(sut.project(undefined, first, AINO) as object), consents: undefined } as never, when, AINO);
      expect(view?.consents).toHaveLength(1);
    });
  });

  it('each person has a document of their own', async () => {
    await ProjectionSpec.for(sut)
      .given([created()])
      .when(created(EERO, null))
      .then((view, outcome) => {
        expect([...outcome.documents.keys()].sort()).toEqual([AINO, EERO].sort());
        expect(view).toMatchObject({ personId: EERO, organizationId: null });
      });
  });

  it('an event of a person never created shows nobody', async () => {
    await ProjectionSpec.for(sut).given([]).when(recorded('PersonAffiliationChanged', { personId: EERO, organizationId: ORG.pori, previousOrganizationId: null, at: '2023-05-01T10:00:00+03:00' })).thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut).given([created()]).when(chainStarted(CHAIN)).thenNothingChanges();
  });
});
