import type { Projection } from './projection';
import { PROJECTIONS_PART_1, PROJECTIONS_PART_2, PROJECTIONS_PART_3 } from './projections/all-projections';

/**
 * Every projection, in the order the projector applies them to each event: the indexes (workshop → chain,
 * collaboration → workshop) come before the views that look things up in them.
 */
export const PROJECTIONS: readonly Projection[] = [...PROJECTIONS_PART_1, ...PROJECTIONS_PART_2, ...PROJECTIONS_PART_3];
