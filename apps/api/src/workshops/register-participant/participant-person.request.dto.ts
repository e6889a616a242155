import { PersonDetailsDto } from '../../common/http/person-details.request.dto';

/** A participant described inline: created, or reused when a person with this e-mail exists (the same rules as POST /people). */
export class ParticipantPersonDto extends PersonDetailsDto {}
