// Measure 6: care — referrals and started care per care type, and the Kaplan–Meier days from
// referral to start.

import { renderMeasureReport } from '../reports/measures.js';

export const render = (main, { query }) => renderMeasureReport(main, query, { api: 'care', path: '/reports/care' });
