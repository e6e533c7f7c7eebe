// Who is logged in (from GET api/auth/me) and what their role may see.

import { get, setCsrfToken } from './api.js';

let user = null;

export function currentUser() {
  return user;
}

export function setUser(me) {
  user = me && me.role ? me : null;
  setCsrfToken(user ? user.csrfToken : null);
}

export async function loadUser() {
  try {
    setUser((await get('api/auth/me', { quiet401: true })).data);
  } catch (e) {
    if (e.status !== 401) throw e;
    setUser(null);
  }
  return user;
}

export function hasRole(...roles) {
  return Boolean(user) && roles.includes(user.role);
}

/** Where each role starts after login. */
export function homePath(role) {
  return { CASEWORKER: '/cases', AUDITOR: '/audit/log', ADMIN: '/admin/users', COORDINATOR: '/coordinator' }[role] || '/login';
}
