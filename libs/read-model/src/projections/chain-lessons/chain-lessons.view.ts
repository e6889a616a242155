import type { DebriefAuthorRole } from '@kuhina/domain';

export const CHAIN_LESSONS_COLLECTION = 'chain-lessons';

/** One version of a debrief as GET /chains/:id/lessons shows it. */
export type DebriefVersion = {
  version: number;
  whatWorked: string;
  whatToDevelop: string;
  lessons: string[];
  authorRole: DebriefAuthorRole;
  /** The day of the debrief meeting when said, else null (then `recordedAt`, its business time, dates it). */
  heldOn: string | null;
  /** Business time of the record. */
  recordedAt: string;
};

/** The debrief in force (the latest version) and the versions it replaced, oldest first. */
export type DebriefHistory = { debrief: DebriefVersion | null; earlierVersions: DebriefVersion[] };

/** Key: the chain id. The chain's succession and its own debrief. */
export type ChainLessonsChainDocument = DebriefHistory & {
  kind: 'chain';
  chainId: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: 'active' | 'closed';
  followsChainId: string | null;
  /** The chains that follow this one (several may), in log order. */
  followedBy: string[];
  lastPosition: string;
};

/** Key `w:<workshopId>`, indexed by chainId: what the lessons show of a workshop, and its debrief. */
export type ChainLessonsWorkshopDocument = DebriefHistory & {
  kind: 'workshop';
  workshopId: string;
  chainId: string | null;
  /** 0-based place in the chain (WorkshopAddedToChain); null until the chain records it. */
  order: number | null;
  title: string;
  startsAt: string;
  heldOn: string | null;
  cancelled: boolean;
  lastPosition: string;
};

/** How an organisation took part in a workshop: co-organised it, pledged to it, or sent someone in that role. */
export const ORGANIZATION_PARTS = ['co-organizer', 'pledger', 'participant', 'organiser', 'host', 'speaker'] as const;
export type OrganizationPart = (typeof ORGANIZATION_PARTS)[number];

/**
 * Key `t:<workshopId>:<o|p>:<id>`, indexed by workshopId and by entity: how one organisation (`o:<id>`) or person
 * (`p:<id>`) took part in one workshop, whatever its chain (ids and roles only, no personal data). One small document
 * per pair, so an event writes the same bytes at 10 registrations as at 2,000; a history across chains is the list of
 * an entity's documents, each workshop's chain read from its `w:` document.
 */
export type ChainLessonsPartDocument = {
  kind: 'part';
  workshopId: string;
  /** `o:<organizationId>` or `p:<personId>`. */
  entity: string;
  /** A person: the roles registered in; an organisation: ORGANIZATION_PARTS. */
  parts: string[];
  /** The person attended; an organisation: someone affiliated with it attended. */
  attended: boolean;
  lastPosition: string;
};

export type ChainLessonsDocument = ChainLessonsChainDocument | ChainLessonsWorkshopDocument | ChainLessonsPartDocument;

export const workshopLessonsKey = (workshopId: string): string => `w:${workshopId}`;
export const organizationEntity = (organizationId: string): string => `o:${organizationId}`;
export const personEntity = (personId: string): string => `p:${personId}`;
export const partKey = (workshopId: string, entity: string): string => `t:${workshopId}:${entity}`;

/** The indexes of the `t:` documents. */
export const PART_OF_WORKSHOP_INDEX = 'workshopId';
export const PART_OF_ENTITY_INDEX = 'entity';
