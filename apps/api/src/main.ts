import 'reflect-metadata';
import { ConfigError, ensureDataDir, loadConfig } from '@kuhina/application';
import { serve } from './api-server';

// `npm start`: the API as a program. Inside the promise, a bad setting or data folder is reported like any other
// start-up failure.
Promise.resolve()
  .then(() => {
    const config = loadConfig();
    ensureDataDir(config);
    return serve(config);
  })
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  });
