import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsString, IsUUID, ValidateNested } from 'class-validator';
import { lowercaseUuids } from './lowercase-uuids';

class Partner {
  @IsUUID('all')
  organizationId!: string;

  @IsString()
  note!: string;
}

class Body {
  @IsUUID('all')
  id!: string;

  @IsArray()
  @IsUUID('all', { each: true })
  organizationIds!: string[];

  @ValidateNested({ each: true })
  @Type(() => Partner)
  partners!: Partner[];

  @ValidateNested()
  @Type(() => Partner)
  lead!: Partner;

  // Free text that happens to look like an id is the client's own words: left alone.
  @IsString()
  title!: string;
}

const UPPER = 'CD5BCCE9-37E6-8AC0-9D1D-27D8A256DF93';
const LOWER = UPPER.toLowerCase();

const partner = (organizationId: string, note: string): Partner => Object.assign(new Partner(), { organizationId, note });

describe('lowercaseUuids', () => {
  it('lower-cases every field validated as a UUID, in arrays and nested DTOs, and nothing else', () => {
    const body = Object.assign(new Body(), {
      id: UPPER,
      organizationIds: [UPPER, LOWER],
      partners: [partner(UPPER, 'Porin Ohjaamo ABC'), partner(LOWER, UPPER)],
      lead: partner(UPPER, 'Kemi'),
      title: UPPER,
    });

    lowercaseUuids(body);

    expect(body).toEqual({
      id: LOWER,
      organizationIds: [LOWER, LOWER],
      partners: [partner(LOWER, 'Porin Ohjaamo ABC'), partner(LOWER, UPPER)],
      lead: partner(LOWER, 'Kemi'),
      title: UPPER,
    });
  });

  it('leaves absent fields absent and takes plain values without complaint', () => {
    const body = Object.assign(new Body(), { id: UPPER });
    lowercaseUuids(body);
    expect(body).toEqual(Object.assign(new Body(), { id: LOWER }));
    for (const value of [null, undefined, 7, 'x', [UPPER]]) expect(() => lowercaseUuids(value)).not.toThrow();
  });
});
