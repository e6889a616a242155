import type { OpenAPIObject } from '@nestjs/swagger';
import { BUSINESS_DATE_HEADING, businessDateOfRoute, describeBusinessDates } from './business-date-docs';

const documentWith = (paths: OpenAPIObject['paths']): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths });

describe('describeBusinessDates', () => {
  it("adds to each write the date it records and its default, from the rule table, and leaves reads alone", () => {
    const sut = documentWith({
      '/workshops/{id}/attendance': { post: { description: 'Record who attended.', responses: {} } },
      '/chains/{id}/details': { post: { responses: {} } },
      '/network': { get: { description: 'The network.', responses: {} } },
    });

    expect(describeBusinessDates(sut)).toEqual([]);

    const attendance = sut.paths['/workshops/{id}/attendance']!.post!;
    expect(attendance.description).toMatch(/^Record who attended\.\n\n\*\*Business date\.\*\* `occurredAt` records when the attendance happened; without it: the workshop's date while it lies in the past/);
    expect(attendance).toMatchObject({ 'x-business-date': { command: 'RecordAttendance' } });
    expect(sut.paths['/chains/{id}/details']!.post!.description).toMatch(/422 BUSINESS_TIME\.REQUIRED when the chain's period ended more than KUHINA_BACKDATE_MARGIN_DAYS/);
    expect(sut.paths['/network']!.get!.description).toBe('The network.');
  });

  it('answers the write routes it has no sentence for, and describing twice changes nothing', () => {
    const sut = documentWith({
      '/workshops/{id}/held': { post: { responses: {} } },
      '/workshops/{id}/teleport': { post: { responses: {} } },
    });

    expect(describeBusinessDates(sut)).toEqual(['POST /workshops/{id}/teleport']);
    const once = sut.paths['/workshops/{id}/held']!.post!.description;
    describeBusinessDates(sut);
    expect(sut.paths['/workshops/{id}/held']!.post!.description).toBe(once);
    expect(once!.split(BUSINESS_DATE_HEADING)).toHaveLength(2);
  });

  it('says that an inline person of a registration is recorded now, and what a seal is dated by', () => {
    expect(businessDateOfRoute('POST /workshops/{id}/registrations')).toMatch(/A person described inline is recorded at the time of the request\.$/);
    expect(businessDateOfRoute('POST /audit/seals')).toMatch(/dated when it is made/);
    expect(businessDateOfRoute('GET /network')).toBeNull();
  });
});
