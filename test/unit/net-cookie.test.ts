// Tests of net/cookie.ts: where the cluster cookie comes from, and the cookie file's creation
// (mode 0600, reused afterwards). Each test uses its own temporary home directory.

import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COOKIE_FILE, newCookie, resolveCookie } from '../../net/cookie.js';

let home: string;

describe('#resolveCookie', () => {
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'gsi-ts-cookie-')); });
  afterEach(() => { fs.rmSync(home, { recursive: true, force: true }); });
  it('prefers the option to the environment and the file', () => {
    fs.writeFileSync(path.join(home, COOKIE_FILE), 'FROMFILE\n');
    const c = resolveCookie({ option: 'secret', env: { GSI_TS_COOKIE: 'fromenv' }, home });
    expect(c).to.deep.equal({ cookie: 'secret', source: 'option', file: null });
  });

  it('takes GSI_TS_COOKIE when there is no option', () => {
    const c = resolveCookie({ option: null, env: { GSI_TS_COOKIE: 'fromenv' }, home });
    expect(c).to.deep.equal({ cookie: 'fromenv', source: 'environment', file: null });
    expect(fs.existsSync(path.join(home, COOKIE_FILE))).to.equal(false);
  });

  it('reads ~/.gsi-ts-cookie, ignoring surrounding white space', () => {
    fs.writeFileSync(path.join(home, COOKIE_FILE), '  ABCDEF\n');
    expect(resolveCookie({ env: {}, home }).cookie).to.equal('ABCDEF');
  });

  it('creates the file with mode 0600 on first use, then reuses it', () => {
    const first = resolveCookie({ env: {}, home });
    const file = path.join(home, COOKIE_FILE);
    expect(first.source).to.equal('created');
    expect(first.file).to.equal(file);
    expect(first.cookie).to.match(/^[A-Z]{20}$/);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    const second = resolveCookie({ env: {}, home });
    expect(second).to.deep.equal({ cookie: first.cookie, source: 'file', file });
  });

  it('refuses an empty cookie file', () => {
    fs.writeFileSync(path.join(home, COOKIE_FILE), '\n');
    expect(() => resolveCookie({ env: {}, home })).to.throw(/empty/);
  });
});

describe('#newCookie', () => {
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'gsi-ts-cookie-')); });
  afterEach(() => { fs.rmSync(home, { recursive: true, force: true }); });
  it('makes different cookies of 20 letters', () => {
    const a = newCookie(), b = newCookie();
    expect(a).to.match(/^[A-Z]{20}$/);
    expect(a).to.not.equal(b);
  });
});
