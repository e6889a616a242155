import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Expensive, Roles } from '../common/auth/roles.decorator';

/**
 * Audit reports: the auditor role, and the backoffice that prepares the ESF reporting; analysts get 403
 * (they study the network, not the money or the people behind the indicators).
 */
export const AuditReport = () =>
  applyDecorators(Roles('auditor', 'backoffice'), Expensive(), ApiForbiddenResponse({ description: 'Roles: auditor and backoffice only (analyst: 403)' }));
