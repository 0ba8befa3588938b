// The cluster cookie, Erlang-style: nodes that share it trust each other. It is read from
// ~/.gsi-ts-cookie, which is created on first use (20 random letters, mode 0600, like Erlang's
// ~/.erlang.cookie); `--cookie SECRET` or the GSI_TS_COOKIE environment variable override it.
// The cookie never crosses the wire: the handshake proves knowledge of it with an HMAC
// (see auth.ts).

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const COOKIE_FILE = '.gsi-ts-cookie';

export type CookieSource = 'option' | 'environment' | 'file' | 'created';

export interface CookieChoice {
  readonly cookie: string;
  readonly source: CookieSource;
  /** The file it came from (or was written to), for 'file' and 'created'. */
  readonly file: string | null;
}

export interface CookieOptions {
  /** From --cookie or node-start!'s cookie: argument. */
  readonly option?: string | null;
  /** The environment to consult (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** The home directory holding the cookie file (default os.homedir()). */
  readonly home?: string;
}

/** A fresh cookie: 20 upper-case letters (~94 bits), as Erlang makes them. */
export function newCookie(): string {
  const bytes = crypto.randomBytes(20);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(65 + (b % 26));
  return s;
}

/** The option, else GSI_TS_COOKIE, else the cookie file (created if absent). */
export function resolveCookie(opts: CookieOptions = {}): CookieChoice {
  if (opts.option !== undefined && opts.option !== null && opts.option !== '') {
    return { cookie: opts.option, source: 'option', file: null };
  }
  const envCookie = (opts.env ?? process.env)['GSI_TS_COOKIE'];
  if (envCookie !== undefined && envCookie !== '') return { cookie: envCookie, source: 'environment', file: null };
  const file = path.join(opts.home ?? os.homedir(), COOKIE_FILE);
  return readOrCreateCookieFile(file);
}

/**
 * Read the cookie file (surrounding white space ignored); create it with mode 0600 if it does
 * not exist. `wx` makes creation atomic: if two nodes start at once, one writes and the other
 * reads what it wrote.
 */
export function readOrCreateCookieFile(file: string): CookieChoice {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = fs.readFileSync(file, 'utf8').trim();
      if (text === '') throw new Error(`the cookie file ${file} is empty`);
      return { cookie: text, source: 'file', file };
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const cookie = newCookie();
    try {
      fs.writeFileSync(file, `${cookie}\n`, { mode: 0o600, flag: 'wx' });
      return { cookie, source: 'created', file };
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another process created it between our read and write: read theirs.
    }
  }
  throw new Error(`cannot read or create the cookie file ${file}`);
}
