// Every page, its path and the roles that may open it. Pages load on first use.

import { REPORTS } from './reports/registry.js';

// Auditors read the access log and its audit views, never case files.
const CASES = ['CASEWORKER'];
const EDIT = ['CASEWORKER'];
const AUDIT = ['AUDITOR'];
const ADMIN = ['ADMIN'];
// Context per year is kept by coordinators (a regional one for their own unit) and administrators.
const CONTEXT = ['COORDINATOR', 'ADMIN'];
// Each role imports its own kinds of file (the server lists them): case workers cases and registrations,
// coordinators and administrators context per year.
const IMPORT = ['CASEWORKER', 'COORDINATOR', 'ADMIN'];

export function registerRoutes(route) {
  route('/login', () => import('./pages/login.js'), { public: true });
  route('/coordinator', () => import('./pages/coordinator.js'), { roles: ['COORDINATOR'] });
  route('/monitor', () => import('./pages/monitor.js'), { roles: ['COORDINATOR'] });
  route('/exchange', () => import('./pages/exchange.js'), { roles: ['COORDINATOR'] });
  route('/coordinator/dark-number', () => import('./pages/coordinator-dark-number.js'), { roles: ['COORDINATOR'] });
  route('/reference', () => import('./pages/admin-reference.js'), { roles: ['COORDINATOR'] });
  route('/reports', () => import('./pages/reports.js'), { roles: ['COORDINATOR'] });
  for (const report of REPORTS) route(report.path, report.load, { roles: ['COORDINATOR'] });

  route('/context', () => import('./pages/context.js'), { roles: CONTEXT });
  route('/context/capacity', () => import('./pages/context-capacity.js'), { roles: CONTEXT });
  route('/context/capacity/:unit/:year', () => import('./pages/context-capacity-form.js'), { roles: CONTEXT });
  route('/context/priorities', () => import('./pages/context-priorities.js'), { roles: CONTEXT });
  route('/context/priorities/:code/:year', () => import('./pages/context-priority-form.js'), { roles: CONTEXT });
  route('/context/pilots', () => import('./pages/context-pilots.js'), { roles: CONTEXT });
  route('/context/pilots/new', () => import('./pages/context-pilot-form.js'), { roles: CONTEXT });
  route('/context/pilots/:id', () => import('./pages/context-pilot-form.js'), { roles: CONTEXT });
  route('/context/upload', () => import('./pages/context-upload.js'), { roles: CONTEXT });

  route('/cases', () => import('./pages/case-list.js'), { roles: CASES });
  route('/cases/new', () => import('./pages/case-form.js'), { roles: EDIT });
  route('/cases/:id', () => import('./pages/case-page.js'), { roles: CASES });
  route('/cases/:id/edit', () => import('./pages/case-form.js'), { roles: EDIT });
  route('/cases/:id/closure', () => import('./pages/case-closure.js'), { roles: EDIT });
  route('/cases/:id/shares', () => import('./pages/case-shares.js'), { roles: EDIT });
  route('/cases/:id/parties/:kind/new', () => import('./pages/party-form.js'), { roles: EDIT });
  route('/cases/:id/parties/:kind/:partyId/edit', () => import('./pages/party-form.js'), { roles: EDIT });
  route('/imports', () => import('./pages/imports.js'), { roles: IMPORT });
  route('/imports/:id', () => import('./pages/imports.js'), { roles: IMPORT });
  route('/cases/:id/parties/:partyId/:record/new', () => import('./pages/record-form.js'), { roles: EDIT });

  route('/audit/log', () => import('./pages/audit-log.js'), { roles: AUDIT });
  route('/audit/subjects', () => import('./pages/audit-subjects.js'), { roles: AUDIT });
  route('/audit/cases', () => import('./pages/audit-cases.js'), { roles: AUDIT });
  route('/audit/break-glass', () => import('./pages/audit-break-glass.js'), { roles: AUDIT });
  route('/audit/verification', () => import('./pages/audit-verification.js'), { roles: AUDIT });

  route('/admin/users', () => import('./pages/admin-users.js'), { roles: ADMIN });
  route('/admin/users/new', () => import('./pages/admin-user-form.js'), { roles: ADMIN });
  route('/admin/users/:userId', () => import('./pages/admin-user-form.js'), { roles: ADMIN });
  route('/admin/organisations', () => import('./pages/admin-organisations.js'), { roles: ADMIN });
  route('/admin/organisations/new', () => import('./pages/admin-organisation-form.js'), { roles: ADMIN });
  route('/admin/organisations/:orgId', () => import('./pages/admin-organisation-form.js'), { roles: ADMIN });
  route('/admin/organisations/:orgId/oidc', () => import('./pages/admin-organisation-oidc.js'), { roles: ADMIN });
  route('/admin/tokens', () => import('./pages/admin-tokens.js'), { roles: ADMIN });
  route('/admin/reference', () => import('./pages/admin-reference.js'), { roles: ADMIN });
}
