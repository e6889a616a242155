import { BusinessTimeDto } from '../../common/http/business-time';

/** Nothing but the business time: opening names no more than the workshop in the path. The body may be left out. */
export class OpenRegistrationRequestDto extends BusinessTimeDto {}
