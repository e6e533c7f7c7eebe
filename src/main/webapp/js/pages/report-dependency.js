// Measure 1: how far cases get along the chain by how they started (aangifte, ambtshalve, …).

import { renderRegionalReport } from '../reports/regional.js';

export const render = (main, { query }) => renderRegionalReport(main, query, {
  api: 'dependency', path: '/reports/dependency', filters: ['origin', 'form', 'team'],
  stages: ['cases', 's_in_view', 's_om_inflow', 's_summons', 's_conviction', 's_custody'],
});
