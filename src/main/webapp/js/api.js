// The one way the pages talk to the JSON API: relative URLs, the session cookie, the CSRF header,
// problem+json errors as ApiError, 401 → back to login, 412 → ConflictError for the conflict dialog.

let csrfToken = null;
let authLost = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export function onAuthenticationLost(handler) {
  authLost = handler;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || { status };
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** The record changed since it was loaded (412): the form shows what changed and keeps the input. */
export class ConflictError extends ApiError {}

const SAFE = new Set(['GET', 'HEAD']);

export async function request(method, path, { body, text, etag, headers = {}, quiet401 = false, raw = false } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (text !== undefined) h['Content-Type'] ??= 'text/plain';
  if (!SAFE.has(method) && csrfToken) h['X-CSRF-Token'] = csrfToken;
  if (etag) h['If-Match'] = etag;
  let response;
  try {
    response = await fetch(path, {
      method, headers: h, credentials: 'same-origin', cache: 'no-store',
      body: text !== undefined ? text : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { status: 0, title: 'network' });
  }
  const type = response.headers.get('Content-Type') || '';
  if (raw && response.ok) return { status: response.status, blob: await response.blob() };
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) {
    return { status: response.status, data, etag: response.headers.get('ETag') };
  }
  if (response.status === 401 && !quiet401) authLost();
  if (response.status === 412) throw new ConflictError(412, data);
  throw new ApiError(response.status, data);
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body: body ?? {} });
export const put = (path, body, etag, options = {}) => request('PUT', path, { ...options, body, etag });
/** Sends text as is (e.g. an uploaded CSV) with its own media type. */
export const postText = (path, text, contentType, options = {}) => request('POST', path,
  { ...options, text, headers: { ...(options.headers || {}), 'Content-Type': contentType } });

/** Posts JSON and saves the answer (e.g. a CSV export) as a file download. */
export async function download(path, body, filename, accept) {
  const { blob } = await request('POST', path, { body, raw: true, headers: { Accept: `${accept}, application/problem+json` } });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const del = (path, etag, options = {}) => request('DELETE', path, { ...options, etag });

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
