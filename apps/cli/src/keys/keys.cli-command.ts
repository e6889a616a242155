import { Option, type Command } from 'commander';
import { ensureDataDir, loadConfig } from '@kuhina/application';
import { ApiUserError, ApiUserFile, sameName, type ApiUser } from '../../../api/src/common/auth/api-users';
import { ROLES, type Role } from '../../../api/src/common/auth/roles';
import type { GlobalOptions } from '../cli-context';

/** The user file of the data folder; these commands need no event log, and only `add` may create the folder. */
function userFile(command: Command, create: boolean): ApiUserFile {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const config = loadConfig(process.env, { dataDir: globals.dataDir, kurrentdbUrl: globals.kurrentdbUrl, mongodbUrl: globals.mongodbUrl });
  if (create) ensureDataDir(config);
  return new ApiUserFile(config.dataDir);
}

/** The names KUHINA_API_KEYS gives here (read loosely: refusing its syntax is the API's job). */
const envKeyNames = (): string[] => (process.env.KUHINA_API_KEYS ?? '').split(',').flatMap((entry) => entry.split(':')[0]?.trim() || []);

const shown = (user: ApiUser) => ({ name: user.name, role: user.role, createdAt: user.createdAt, revokedAt: user.revokedAt });

function table(users: readonly ApiUser[]): string[] {
  const rows = [['NAME', 'ROLE', 'CREATED', 'REVOKED'], ...users.map((user) => [user.name, user.role, user.createdAt, user.revokedAt ?? '-'])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell + ' '.repeat(widths[column]! - [...cell].length) : cell)).join('  '));
}

/** `kuhina keys add <name> --role <role>`, `kuhina keys list`, `kuhina keys revoke <name>`: the API's named users. */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('the API\'s users: each a named person with a role and a key; the name is the actor of what the key writes (a running API sees changes within a second)');

  keys
    .command('add')
    .description('make a user with a new key; prints the key this once (only its SHA-256 digest is stored, in <data>/api-users.json)')
    .argument('<name>', "the person's name or handle (1–100 characters), recorded as the actor of every event written with the key")
    .addOption(new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory())
    .option('--json', 'machine-readable: { name, role, createdAt, key }')
    .action((name: string, options: { role: Role; json?: boolean }, command: Command) => {
      // One name, one actor: the API leaves out a user whose name its KUHINA_API_KEYS gives too.
      const clash = envKeyNames().find((other) => sameName(other, name));
      if (clash !== undefined) throw new ApiUserError(`KUHINA_API_KEYS gives the name "${clash}" already: choose another name`);
      const file = userFile(command, true);
      const { user, key } = file.add(name, options.role, new Date());
      if (options.json) {
        console.log(JSON.stringify({ ...shown(user), key }));
        return;
      }
      console.log(
        [
          `Added ${user.name} (${user.role}). The key, shown this once (${file.file} keeps only its digest):`,
          '',
          `  ${key}`,
          '',
          `Hand it to ${user.name} privately; it goes in every request as "Authorization: Bearer <key>", and what it writes is recorded as by "${user.name}".`,
          `A running API accepts it within a second. Lost or leaked: \`kuhina keys revoke ${JSON.stringify(user.name)}\`, then add a user under a new name.`,
        ].join('\n'),
      );
    });

  keys
    .command('list')
    .description('the users: name, role, when made and revoked (never a key: none is stored)')
    .option('--json', 'machine-readable: { file, users: [{ name, role, createdAt, revokedAt }] }')
    .action((options: { json?: boolean }, command: Command) => {
      const file = userFile(command, false);
      const users = file.read();
      if (options.json) {
        console.log(JSON.stringify({ file: file.file, users: users.map(shown) }));
        return;
      }
      if (users.length === 0) {
        console.log(`No API users in ${file.file}. Add one: kuhina keys add <name> --role ${ROLES.join('|')}`);
        return;
      }
      console.log([`API users in ${file.file} (keys are not stored, only their digests):`, ...table(users)].join('\n'));
      const fromEnv = envKeyNames();
      if (fromEnv.length > 0) console.log(`KUHINA_API_KEYS (here) also gives: ${fromEnv.join(', ')}; the API accepts both.`);
    });

  keys
    .command('revoke')
    .description('revoke a user\'s key: it answers 401 from then on (a running API within a second); the user stays listed, and the name is never given again')
    .argument('<name>', 'the user, as `kuhina keys list` names them')
    .action((name: string, _options: unknown, command: Command) => {
      const { user, alreadyRevoked } = userFile(command, false).revoke(name, new Date());
      if (alreadyRevoked) console.log(`${user.name} was revoked already (${user.revokedAt}); nothing changed.`);
      else console.log(`Revoked ${user.name} (${user.role}): the key answers 401 from now on; a running API sees it within a second.`);
    });
}
