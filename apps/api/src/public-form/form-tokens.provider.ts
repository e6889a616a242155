import type { Provider } from '@nestjs/common';
import { PRIVACY_SECRETS } from '@kuhina/application';
import type { PrivacySecrets } from '@kuhina/privacy';
import { FormTokens } from './form-tokens';

/** One FormTokens per process, keyed from the installation's master key (no secret of its own to manage). */
export const FORM_TOKENS_PROVIDER: Provider = { provide: FormTokens, useFactory: (secrets: PrivacySecrets) => new FormTokens(secrets.masterKey), inject: [PRIVACY_SECRETS] };
