import type { Projection } from '../projection';
import { chainListProjection } from './chain-list';
import { organizationListProjection } from './organization-list';
import { workshopChainProjection } from './workshop-chain';
import { workshopChainIndexProjection } from './workshop-chain-index';

// The projector applies projections in array order for each event: the workshop-chain index must come
// before every projection that routes workshop events through it (keep PART_1 before PART_2).
export const PROJECTIONS_PART_1: readonly Projection[] = [workshopChainIndexProjection, workshopChainProjection, chainListProjection, organizationListProjection];

// Part 2 (workshop detail, registrations, feedback, network). Imports sit here so each part stays one appended block.
import { collaborationWorkshopIndexProjection, networkCollaborationsProjection, networkProjection } from './network';
import { workshopDetailProjection } from './workshop-detail';
import { workshopFeedbackProjection } from './workshop-feedback';
import { workshopRegistrationsProjection } from './workshop-registrations';

// The collaboration-workshop index must precede the network's collaborations, which route CollaborationPartnerAdded through it.
export const PROJECTIONS_PART_2: readonly Projection[] = [workshopDetailProjection, workshopRegistrationsProjection, workshopFeedbackProjection, collaborationWorkshopIndexProjection, networkCollaborationsProjection, networkProjection];

// Part 3: the detail views of people and collaborations (GET /people/:id, /collaborations/:id), read by no other projection.
import { collaborationDetailProjection } from './collaboration-detail';
import { personDetailProjection } from './person-detail';
// The lessons of a chain and its predecessors, and history across chains (GET /chains/:id/lessons): own documents only.
import { chainLessonsProjection } from './chain-lessons';
// Partner profiles and the resource map (GET /organizations/:id, /resources).
import { organizationProfileProjection } from './organization-profile';

export const PROJECTIONS_PART_3: readonly Projection[] = [personDetailProjection, collaborationDetailProjection, organizationProfileProjection, chainLessonsProjection];
