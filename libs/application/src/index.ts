export * from './aggregates';
export * from './kuhina-config';
export * from './kuhina-core.module';
export * from './execute-domain-command/execute-domain-command.command';
export * from './execute-domain-command/execute-domain-command.handler';
export * from './register-person/register-person.command';
export * from './register-person/register-person.handler';
export * from './demo/seed-demo';
