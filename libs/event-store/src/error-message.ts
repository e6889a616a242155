/**
 * The message of whatever was thrown. Duck-typed on purpose: better-sqlite3 creates its errors in the JS realm that
 * first loaded it, so `instanceof Error` can be false for a real SqliteError (under Jest, one realm per test file).
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
