// Jest on Node 20 cannot load ESM-only packages (NestJS 12, ...) natively, so @swc/jest
// transforms both our TypeScript and those packages to CommonJS.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

const aliases = {
  '^@kuhina/(analytics|application|domain|event-store|privacy|read-model|testing)$': '<rootDir>/libs/$1/src',
  '^@kuhina/(analytics|application|domain|event-store|privacy|read-model|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify|fastify-plugin|content-disposition|cookie|uid|file-type|strtok3|token-types|@tokenizer)/)'],
  moduleNameMapper: aliases,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  globalSetup: '<rootDir>/jest.global-setup.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,ui}/**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
