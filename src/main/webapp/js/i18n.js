// Interface texts from the server's resource bundles (GET api/i18n/{lang}), plus locale formatting.

const STORAGE_KEY = 'kz.lang';
const LOCALES = { nl: 'nl-NL', en: 'en-GB' };
let messages = {};
let language = 'nl';

export function preferredLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'nl' ? stored : 'nl';
}

export async function loadLanguage(lang) {
  const response = await fetch(`api/i18n/${lang}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`texts for ${lang}: ${response.status}`);
  messages = await response.json();
  language = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export function currentLanguage() {
  return language;
}

/** The text for a key, with {0}, {1}, ... replaced by the parameters. */
export function t(key, ...params) {
  const text = messages[key];
  if (text === undefined) {
    console.warn('missing text', key);
    return key;
  }
  return text.replace(/\{(\d+)\}/g, (_, i) => (params[i] === undefined || params[i] === null ? '' : String(params[i])));
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** The text of an enumeration value, e.g. enumLabel('origin', 'SIGNAL'); the raw value if there is none. */
export function enumLabel(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** The label of a reference code ({labelNl, labelEn}) in the current language. */
export function codeLabel(code) {
  if (!code) return '';
  return (language === 'en' ? code.labelEn : code.labelNl) || code.code;
}

// Parameters of server messages that are codes themselves, shown by their label.
const PARAM_LABELS = { stage: 'stage', type: 'aangifteStatus', status: 'aangifteStatus' };

/**
 * A server message (a problem or one of its field errors: {code, params, message|detail}) in the
 * user's language, from the bundle text of its code (problem.<code>) with its named parameters.
 * An unknown code falls back to the server's English text and is logged. fieldLabel(name) turns a
 * parameter that names another field into that field's label.
 */
export function serverText(item, fieldLabel = (name) => name) {
  if (!item) return '';
  const key = `problem.${item.code}`;
  if (!item.code || !has(key)) {
    console.warn('no text for server message code', item.code, item);
    return item.message || item.detail || item.title || '';
  }
  const params = item.params || {};
  return messages[key].replace(/\{([A-Za-z]+)\}/g, (_, name) => paramText(name, params[name], fieldLabel));
}

function paramText(name, value, fieldLabel) {
  if (value === null || value === undefined) return '';
  if (PARAM_LABELS[name]) return enumLabel(PARAM_LABELS[name], value);
  if (name === 'otherField' || name === 'field') return fieldLabel(value);
  if (name === 'date') return formatDate(value);
  // Four-digit numbers (years) without a group separator, as Dutch writes them.
  if (typeof value === 'number') return new Intl.NumberFormat(locale(), { useGrouping: Math.abs(value) >= 10000 }).format(value);
  return String(value);
}

function locale() {
  return LOCALES[language];
}

/** 'YYYY-MM-DD' → a date in the user's language, without shifting by the time zone. */
export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).split('-').map(Number);
  if (!y || !m || !d) return String(iso);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The time of day of an instant, e.g. '14:05'. */
export function formatTime(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function formatNumber(n) {
  if (n === null || n === undefined || n === '') return '';
  return new Intl.NumberFormat(locale()).format(n);
}

/** A proportion (0.123) as a percentage with one decimal ("12,3%"). */
export function formatPercent(p) {
  if (p === null || p === undefined) return '';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p);
}

export function yesNo(value) {
  if (value === null || value === undefined) return '';
  return value ? t('common.yes') : t('common.no');
}
