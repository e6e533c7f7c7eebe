// Login: password, then the TOTP code (or a recovery code); on first login the enrolment of the
// authenticator app (QR code and the secret as text), and the recovery codes shown once.

import { h, clear, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { post, get, setCsrfToken } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { notification } from '../components.js';

let loggedIn = () => {};

export async function render(main, { query, onLogin, user }) {
  loggedIn = onLogin;
  if (user) { onLogin(user); return; }
  // Back from the organisation's own login service: the TOTP step still to do, or why it was refused.
  const next = query.get('oidc');
  if (next === 'TOTP' || next === 'ENROL') {
    try {
      const { data } = await get('api/auth/login-step', { quiet401: true });
      setCsrfToken(data.csrfToken);
      if (data.next === 'ENROL') await enrolStep(main); else secondFactorStep(main, null);
      return;
    } catch (e) { /* the pending login expired: start again */ }
  }
  passwordStep(main, query.get('expired') === '1', query.get('oidcError'));
}

function passwordStep(main, expired, oidcError) {
  clear(main);
  const form = createForm({
    id: 'login',
    submitLabel: t('login.submit'),
    fields: [
      { name: 'username', type: 'text', label: t('login.username'), hint: t('login.username.hint'), required: true, autocomplete: 'username', width: 'medium' },
      { name: 'password', type: 'password', label: t('login.password'), hint: t('login.password.hint'), autocomplete: 'current-password', width: 'medium' },
    ],
    onSubmit: async (values, f) => {
      try {
        // Staff of an organisation with its own login service log in there (OpenID Connect).
        const method = (await post('api/auth/login-method', { login: values.username })).data;
        if (method.method === 'OIDC') {
          const { data } = await post('api/auth/oidc/start', { organisation: method.organisationCode });
          window.location.assign(data.authorizationUrl);
          return;
        }
        if (!values.password) {
          f.showErrors([{ field: 'password', message: t('login.password.required') }]);
          return;
        }
        const { data } = await post('api/auth/login', values, { quiet401: true });
        setCsrfToken(data.csrfToken);
        if (data.next === 'ENROL') await enrolStep(main);
        else secondFactorStep(main, null);
      } catch (error) {
        if (error.status === 401) f.showErrors([{ field: 'password', message: t('login.wrong') }]);
        else f.showMessage(errorText(error));
      }
    },
  });
  append(main, pageHeading(t('login.title')),
    expired ? notification('info', null, t('login.expired')) : null,
    oidcError && /^oidc\.[A-Za-z]+$/.test(oidcError) ? notification('error', null, t(`problem.${oidcError}`)) : null,
    h('p', { class: 'lead' }, t('login.intro')), form.element);
  main.querySelector('h1').focus();
}

async function enrolStep(main) {
  const { data } = await post('api/auth/enrolment', {});
  secondFactorStep(main, data);
}

function secondFactorStep(main, enrolment) {
  clear(main);
  const form = createForm({
    id: 'second-factor',
    submitLabel: t('login.verify'),
    fields: [
      { name: 'code', type: 'text', label: t('login.code'), hint: t('login.code.hint'), required: true,
        autocomplete: 'one-time-code', inputmode: 'numeric', width: 'narrow',
        validate: (v) => (/^\d{6}$/.test(v || '') ? null : t('login.code.invalid')), showIf: { field: 'useRecovery', value: [false, null, undefined] } },
      ...(enrolment ? [] : [
        { name: 'recoveryCode', type: 'text', label: t('login.recoveryCode'), hint: t('login.recoveryCode.hint'), required: true,
          autocomplete: 'off', width: 'medium', showIf: { field: 'useRecovery', value: true } },
        { name: 'useRecovery', type: 'checkbox', label: t('login.useRecovery') },
      ]),
    ],
    onSubmit: async (values, f) => {
      const body = values.useRecovery ? { recoveryCode: values.recoveryCode } : { code: values.code };
      try {
        const { data } = await post('api/auth/second-factor', body, { quiet401: true });
        setCsrfToken(data.csrfToken);
        const me = (await get('api/auth/me')).data;
        if (data.recoveryCodes && data.recoveryCodes.length) showRecoveryCodes(main, data.recoveryCodes, me);
        else loggedIn(me);
      } catch (error) {
        if (error.status === 400 || error.status === 401) {
          f.showErrors([{ field: values.useRecovery ? 'recoveryCode' : 'code', message: t('login.code.wrong') }]);
        } else {
          f.showMessage(errorText(error));
        }
      }
    },
  });
  const heading = pageHeading(enrolment ? t('enrol.title') : t('login.secondFactorTitle'));
  append(main, heading);
  if (enrolment) {
    append(main, 
      h('p', { class: 'lead' }, t('enrol.intro')),
      h('ol', { class: 'list list--number' },
        h('li', {}, t('enrol.step1')),
        h('li', {}, t('enrol.step2'), h('div', { class: 'qr' }, h('img', { src: enrolment.qrDataUri, alt: t('enrol.qrAlt'), width: '200', height: '200', class: 'qr__image' }))),
        h('li', {}, t('enrol.step3'), h('p', { class: 'secret' }, h('code', { id: 'totp-secret', class: 'secret__value' }, enrolment.secret))),
        h('li', {}, t('enrol.step4'))));
  } else {
    append(main, h('p', { class: 'lead' }, t('login.secondFactorIntro')));
  }
  append(main, form.element);
  heading.focus();
}

function showRecoveryCodes(main, codes, me) {
  clear(main);
  const heading = pageHeading(t('recovery.title'));
  append(main, heading,
    notification('warning', null, t('recovery.warning')),
    h('ul', { class: 'recovery-codes', id: 'recovery-codes' }, codes.map((c) => h('li', {}, h('code', {}, c)))),
    h('button', { type: 'button', class: 'button', id: 'recovery-done',
      on: { click: () => loggedIn(me) } }, t('recovery.done')));
  heading.focus();
}
