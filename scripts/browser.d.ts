// Types of scripts/browser.js (plain CommonJS: it also runs before any build, in Jest's global setup).

export type BrowserSettings = { chromium: string; required: boolean; installDisabled: boolean };
export type BrowserProbes = { exists(path: string): boolean; isRoot(): boolean; hasAptGet(): boolean };
export type BrowserDecision = { action: 'use' | 'install' | 'skip' | 'fail'; chromium: string; reason?: string };
export type BrowserOutcome = BrowserDecision & { action: 'use' | 'skip' | 'fail' };
export type JestRunSelection = {
  selectProjects?: string[];
  ignoreProjects?: string[];
  testPathPatterns?: { isSet(): boolean; toExecutor(options: { rootDir: string }): { isMatch(path: string): boolean } };
};

export const DEBIAN_CHROMIUM: string;
export const BROWSER_SUITES: string[];
export const OUTCOME_ENV: string;
export const machineProbes: BrowserProbes;
export function browserSettings(env?: NodeJS.ProcessEnv): BrowserSettings;
export function decideBrowser(settings: BrowserSettings, probes: BrowserProbes, installError?: string): BrowserDecision;
export function ensureBrowser(options?: { env?: NodeJS.ProcessEnv; probes?: BrowserProbes; install?: () => void; log?: (line: string) => void }): BrowserOutcome;
export function browserForSuite(env?: NodeJS.ProcessEnv, probes?: BrowserProbes): BrowserOutcome;
export function runIncludesBrowserSuite(globalConfig: JestRunSelection | undefined, rootDir: string): boolean;
export function browserBanner(outcome: { action: string; reason?: string }): string;
