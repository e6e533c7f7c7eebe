// Measure 4: victims — aangifte by age group, hearings with a recherchepsycholoog, reasons for not
// reporting, vulnerability profile and recruitment channels, per region.

import { renderMeasureReport } from '../reports/measures.js';

export const render = (main, { query }) => renderMeasureReport(main, query, { api: 'victims', path: '/reports/victims' });
