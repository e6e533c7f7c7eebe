// Measure 3: how many suspects reach the next chain stage and how soon, as competing risks (a chain
// that ends without the stage is an ending, not an open chain). Reads first: the national key
// figures and the curves, then downloads; the full tables per region collapsed below. The interval
// is part of the page's query, not the API's.

import { h, append, pageHeading } from '../dom.js';
import { t } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { cutForm, apiQuery } from '../reports/cut.js';
import { load, cutSummary } from '../reports/regional.js';
import { regionNames } from '../reports/tables.js';
import { keyFigures, curveSection, downloads, allFigures } from '../reports/incidence.js';

const INTERVALS = ['IN_VIEW_TO_OM_INFLOW', 'OM_INFLOW_TO_DECISION', 'OM_INFLOW_TO_VERDICT'];

export async function render(main, { query }) {
  const interval = INTERVALS.includes(query.get('interval')) ? query.get('interval') : INTERVALS[0];
  const form = await cutForm({ id: 'report-cut', path: '/reports/throughput', query, filters: ['origin', 'form', 'team'],
    extra: [{ name: 'interval', type: 'radios', label: t('report.interval'), required: true, default: interval,
      options: enumOptions('report.interval', INTERVALS) }] });
  append(main, pageHeading(t('report.throughput.title')), h('p', { class: 'lead' }, t('report.throughput.intro')), form.element);
  const view = await load(`api/reports/throughput/${interval}${apiQuery(query)}`, form);
  if (!view) return;
  const name = regionNames(view.regions);
  append(main, cutSummary(query, view.k), keyFigures(view), curveSection(view, name, interval),
    downloads(interval, query, view, name, apiQuery), allFigures(view, name, interval),
    h('p', {}, t('report.throughput.method', view.medianMinEvents)));
}
