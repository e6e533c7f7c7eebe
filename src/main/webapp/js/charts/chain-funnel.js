// The chain funnel: for each origin (and in all), how many reach each stage of the chain, from
// cases through suspects in view, OM inflow, summons and conviction to unconditional custody.
// A thin shape over bars.js: one group per origin, one bar per stage.

import { bars } from './bars.js';

/** funnel({title, desc, origins: [{label, stages: [{label, value, display}]}], number, xLabel}) */
export function chainFunnel(o) {
  return bars({ title: o.title, desc: o.desc, number: o.number, xLabel: o.xLabel, className: 'chart--chain',
    groups: o.origins.map((origin) => ({ label: origin.label, bars: origin.stages })) });
}
