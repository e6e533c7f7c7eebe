// Measure 3: throughput times between chain stages, Kaplan–Meier medians with 95% intervals per
// region, open chains counted as censored. The interval is part of the page's query, not the API's.

import { h, append, pageHeading } from '../dom.js';
import { t } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { cutForm, apiQuery } from '../reports/cut.js';
import { load, cutSummary } from '../reports/regional.js';
import { regionNames } from '../reports/tables.js';
import { mediansSection, curveSection } from '../reports/survival.js';

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
  append(main, cutSummary(query, view.k), mediansSection(view, name, interval), curveSection(view, name, interval),
    h('p', {}, t('report.throughput.method')));
}
