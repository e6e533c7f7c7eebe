// Measure 2: how clients of victims are prosecuted, by region and by police team type.

import { renderRegionalReport } from '../reports/regional.js';

export const render = (main, { query }) => renderRegionalReport(main, query, {
  api: 'clients', path: '/reports/clients', filters: ['origin', 'form', 'team'],
  stages: ['victims', 'clients', 'c_om_inflow', 'c_summons', 'c_conviction', 'c_custody', 'c_age_check'],
});
