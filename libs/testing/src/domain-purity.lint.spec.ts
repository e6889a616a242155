import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Proves the lint rule that keeps libs/domain pure actually fires (a rule that never fires protects nothing).
// ESLint loads its ESM config through dynamic import, which Jest's VM does not allow: lint in a child Node process.
const root = join(__dirname, '..', '..', '..');
const lintAll = (cases: Array<{ code: string; filePath: string }>): string[][] => {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(r.messages.map((m) => m.ruleId ?? m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' })) as string[][];
};

describe('lint: libs/domain stays pure', () => {
  const impure: Array<[string, string]> = [
    ["import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", 'no-restricted-imports'],
    ["import { SqliteEventStorage } from '@kuhina/event-store';\nexport const x = SqliteEventStorage;\n", 'no-restricted-imports'],
    ["import Database from 'better-sqlite3';\nexport const x = Database;\n", 'no-restricted-imports'],
    ["import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n", 'no-restricted-imports'],
    ['export const now = (): number => Date.now();\n', 'no-restricted-syntax'],
    ['export const now = (): Date => new Date();\n', 'no-restricted-syntax'],
    ['export const id = (): number => Math.random();\n', 'no-restricted-syntax'],
  ];
  const pure: Array<[string, string]> = [
    ["import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", 'apps/api/src/impure.ts'],
    ['export const parse = (iso: string): number => new Date(iso).getTime();\n', 'libs/domain/src/workshop/pure.ts'],
  ];
  let sut: string[][];

  beforeAll(() => {
    sut = lintAll([
      ...impure.map(([code]) => ({ code, filePath: 'libs/domain/src/workshop/impure.ts' })),
      ...pure.map(([code, filePath]) => ({ code, filePath })),
    ]);
  }, 60_000);

  it.each(impure.map(([code, rule], index) => [code, rule, index] as const))('refuses %j in libs/domain (%s)', (_code, rule, index) => {
    expect(sut[index]).toContain(rule);
  });

  it('allows a framework import outside libs/domain and pure date parsing inside it', () => {
    expect(sut.slice(impure.length)).toEqual([[], []]);
  });
});
