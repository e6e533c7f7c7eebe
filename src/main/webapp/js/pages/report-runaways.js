// Measure 5: runaways — episodes, reported, found and victimised per institution type, and the
// Kaplan–Meier days until reported missing and until found.

import { renderMeasureReport } from '../reports/measures.js';

export const render = (main, { query }) => renderMeasureReport(main, query, { api: 'runaways', path: '/reports/runaways' });
