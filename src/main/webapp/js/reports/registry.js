// Every report page: its measure number (docs/measures.md), path and module. Routes, the report index and
// the coordinator's start page read this list, so a new report page is one line here, one page
// module and its texts (report.<id>.title and report.<id>.summary).

export const REPORTS = [
  { id: 'dependency', measure: 1, path: '/reports/dependency', load: () => import('../pages/report-dependency.js') },
  { id: 'clients', measure: 2, path: '/reports/clients', load: () => import('../pages/report-clients.js') },
  { id: 'throughput', measure: 3, path: '/reports/throughput', load: () => import('../pages/report-throughput.js') },
  { id: 'victims', measure: 4, path: '/reports/victims', load: () => import('../pages/report-victims.js') },
  { id: 'runaways', measure: 5, path: '/reports/runaways', load: () => import('../pages/report-runaways.js') },
  { id: 'care', measure: 6, path: '/reports/care', load: () => import('../pages/report-care.js') },
  { id: 'indicators', measure: 7, path: '/reports/indicators', load: () => import('../pages/report-indicators.js') },
];
