import { BusinessTimeDto } from '../../common/http/business-time';

/** Only the business time: fulfilling a pledge carries no other data. */
export class FulfilPledgeRequestDto extends BusinessTimeDto {}
