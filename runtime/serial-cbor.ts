// CBOR (RFC 8949) for the few types serialization uses: integers, float64, text and byte
// strings, definite-length arrays, true/false/null/undefined. Messages are standard CBOR (cbor-x
// reads them, and writes the same bytes for the same arrays), but we write and read them
// ourselves: cbor-x's general encoder was 5-20x slower on our shapes (many small arrays: 10^4
// records 20 ms vs 1 ms, a 10^5-frame continuation 0.5 s vs 0.1 s), and its decoder accepts
// much that untrusted input should not bring (shared and cyclic references, packed values,
// tags, maps). Recursion follows array nesting, which is shallow in messages (entries are
// flat) and bounded by the source nesting in code units (and MAX_NESTING when reading).

const textEncoder = new TextEncoder();

export class CborWriter {
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  private n = 0;

  /** Start again, empty; false if the buffer grew too large to keep. */
  reset(): boolean {
    this.n = 0;
    return this.buf.length <= 1 << 20;
  }

  /** The bytes written so far (a copy). */
  bytes(pooled: boolean): Uint8Array {
    return pooled ? copyOut(this.buf, this.n) : this.buf.slice(0, this.n);
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const nb = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    nb.set(this.buf.subarray(0, this.n));
    this.buf = nb;
    this.view = new DataView(nb.buffer);
  }

  /** A major type with its argument, in the shortest form. */
  private head(major: number, v: number): void {
    this.room(9);
    const b = this.buf;
    let n = this.n;
    const m = major << 5;
    if (v < 24) {
      b[n++] = m | v;
    } else if (v < 0x100) {
      b[n++] = m | 24;
      b[n++] = v;
    } else if (v < 0x10000) {
      b[n++] = m | 25;
      b[n++] = v >> 8;
      b[n++] = v & 0xff;
    } else if (v < 0x100000000) {
      b[n++] = m | 26;
      b[n++] = v >>> 24;
      b[n++] = (v >> 16) & 0xff;
      b[n++] = (v >> 8) & 0xff;
      b[n++] = v & 0xff;
    } else {
      b[n++] = m | 27;
      const hi = Math.floor(v / 0x100000000), lo = v >>> 0;
      b[n++] = hi >>> 24;
      b[n++] = (hi >> 16) & 0xff;
      b[n++] = (hi >> 8) & 0xff;
      b[n++] = hi & 0xff;
      b[n++] = lo >>> 24;
      b[n++] = (lo >> 16) & 0xff;
      b[n++] = (lo >> 8) & 0xff;
      b[n++] = lo & 0xff;
    }
    this.n = n;
  }

  private simple(byte: number): void {
    this.room(1);
    this.buf[this.n++] = byte;
  }

  write(x: unknown): void {
    if (typeof x === 'number') {
      if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
        if (x >= 0) this.head(0, x);
        else this.head(1, -1 - x);
      } else {
        this.room(9);
        this.buf[this.n++] = 0xfb;
        this.view.setFloat64(this.n, x);
        this.n += 8;
      }
      return;
    }
    if (Array.isArray(x)) {
      const len = x.length;
      this.head(4, len);
      for (let i = 0; i < len; i++) {
        const y: unknown = x[i];
        // Small non-negative integers (tags, indices, fixnums) are one byte: the common case.
        if (typeof y === 'number' && y >= 0 && y < 24 && (y | 0) === y) {
          if (this.n >= this.buf.length) this.room(1);
          this.buf[this.n++] = y;
        } else {
          this.write(y);
        }
      }
      return;
    }
    switch (typeof x) {
      case 'string': {
        const len = x.length;
        if (len < 24) {
          // Short ASCII: the common case (symbols, tags), without TextEncoder.
          this.room(len + 1);
          const b = this.buf;
          let n = this.n + 1;
          let i = 0;
          for (; i < len; i++) {
            const c = x.charCodeAt(i);
            if (c > 127) break;
            b[n++] = c;
          }
          if (i === len) {
            b[this.n] = 0x60 | len;
            this.n = n;
            return;
          }
        }
        const u = textEncoder.encode(x);
        this.head(3, u.length);
        this.room(u.length);
        this.buf.set(u, this.n);
        this.n += u.length;
        return;
      }
      case 'boolean': this.simple(x ? 0xf5 : 0xf4); return;
      case 'undefined': this.simple(0xf7); return;
      case 'object':
        if (x === null) {
          this.simple(0xf6);
          return;
        }
        if (x instanceof Uint8Array) {
          this.head(2, x.length);
          this.room(x.length);
          this.buf.set(x, this.n);
          this.n += x.length;
          return;
        }
        break;
      default:
        break;
    }
    throw new Error(`internal error: cannot write ${typeof x} as CBOR`);
  }
}

// Small messages are copied out into slices of a shared slab rather than each into an
// ArrayBuffer of its own: a new ArrayBuffer is a malloc'd, externally accounted backing store,
// which cost a fifth of encoding an rpc's request. (Node pools its small Buffers the same way;
// a slice keeps its slab alive, so only messages up to SLAB_MAX are pooled.)
const SLAB_SIZE = 16384;
const SLAB_MAX = 1024;
let slab = new Uint8Array(SLAB_SIZE);
let slabUsed = 0;

function copyOut(src: Uint8Array, n: number): Uint8Array {
  if (n > SLAB_MAX) return src.slice(0, n);
  if (slabUsed + n > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    slabUsed = 0;
  }
  const at = slabUsed;
  const out = slab.subarray(at, at + n);
  const s = slab;
  for (let i = 0; i < n; i++) s[at + i] = src[i]!;
  slabUsed = (at + n + 7) & ~7;
  return out;
}

/** The writer encodeCbor reuses (allocating 4 KB per message cost more than encoding a small
 * one). Writing runs no callback, so it is never in use twice at once. */
let shared: CborWriter | null = null;

/** One CBOR document; `pooled`: in a slice of a shared slab (for messages, not for what is cached). */
export function encodeCbor(x: unknown, pooled: boolean): Uint8Array {
  const w = shared ?? new CborWriter();
  shared = null;
  try {
    w.write(x);
    return w.bytes(pooled);
  } finally {
    if (w.reset()) shared = w;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading. Strict: only what the writer above produces (plus float32/float16, which other CBOR
// writers use): no maps, no tags, no indefinite lengths, no other simple values. A length is
// checked against the bytes left before anything is allocated for it; arrays nest at most
// MAX_NESTING deep. Malformed input throws CborError.

export class CborError {
  constructor(readonly why: string) {}
}

const MAX_NESTING = 10_000;
const textDecoder = new TextDecoder('utf-8');

class Reader {
  private pos = 0;
  /** Made on first use: most messages have no float and no 32-bit integer. */
  private dv: DataView | null = null;
  constructor(private readonly b: Uint8Array) {}

  private get view(): DataView {
    return this.dv ??= new DataView(this.b.buffer, this.b.byteOffset, this.b.byteLength);
  }

  fail(why: string): never {
    throw new CborError(why);
  }

  /** The argument of an item whose initial byte had additional information `ai`. */
  private arg(ai: number): number {
    const b = this.b;
    let p = this.pos;
    let v: number;
    switch (ai) {
      case 24:
        if (p + 1 > b.length) this.fail('truncated');
        v = b[p]!;
        p += 1;
        break;
      case 25:
        if (p + 2 > b.length) this.fail('truncated');
        v = (b[p]! << 8) | b[p + 1]!;
        p += 2;
        break;
      case 26:
        if (p + 4 > b.length) this.fail('truncated');
        v = this.view.getUint32(p);
        p += 4;
        break;
      case 27: {
        if (p + 8 > b.length) this.fail('truncated');
        const hi = this.view.getUint32(p), lo = this.view.getUint32(p + 4);
        if (hi >= 0x200000) this.fail('integer too large');
        v = hi * 0x100000000 + lo;
        p += 8;
        break;
      }
      default:
        if (ai < 24) return ai;
        return this.fail('unsupported item');
    }
    this.pos = p;
    return v;
  }

  read(depth: number): unknown {
    const b = this.b;
    if (this.pos >= b.length) this.fail('truncated');
    const ib = b[this.pos++]!;
    const major = ib >> 5, ai = ib & 31;
    switch (major) {
      case 0: return this.arg(ai);
      case 1: return -1 - this.arg(ai);
      case 2: {
        const len = this.arg(ai);
        if (len > b.length - this.pos) this.fail('truncated');
        // A view, not a copy: the few readers that keep bytes copy them (u8vectors, the cache
        // of code units); most byte strings are code units already cached.
        const out = b.subarray(this.pos, this.pos + len);
        this.pos += len;
        return out;
      }
      case 3: {
        const len = this.arg(ai);
        if (len > b.length - this.pos) this.fail('truncated');
        const start = this.pos;
        this.pos += len;
        if (len < 32) {
          let s = '';
          for (let i = start; i < start + len; i++) {
            const c = b[i]!;
            if (c > 127) return textDecoder.decode(b.subarray(start, start + len));
            s += String.fromCharCode(c);
          }
          return s;
        }
        return textDecoder.decode(b.subarray(start, start + len));
      }
      case 4: {
        const len = this.arg(ai);
        // Every element takes at least one byte.
        if (len > b.length - this.pos) this.fail('truncated');
        if (depth >= MAX_NESTING) this.fail('nested too deeply');
        const out = new Array<unknown>(len);
        for (let i = 0; i < len; i++) out[i] = this.read(depth + 1);
        return out;
      }
      case 7:
        switch (ai) {
          case 20: return false;
          case 21: return true;
          case 22: return null;
          case 23: return undefined;
          case 25: {
            if (this.pos + 2 > b.length) this.fail('truncated');
            const h = (b[this.pos]! << 8) | b[this.pos + 1]!;
            this.pos += 2;
            return half(h);
          }
          case 26: {
            if (this.pos + 4 > b.length) this.fail('truncated');
            const x = this.view.getFloat32(this.pos);
            this.pos += 4;
            return x;
          }
          case 27: {
            if (this.pos + 8 > b.length) this.fail('truncated');
            const x = this.view.getFloat64(this.pos);
            this.pos += 8;
            return x;
          }
          default: return this.fail('unsupported simple value');
        }
      default:
        return this.fail(major === 5 ? 'maps are not used' : major === 6 ? 'tags are not used' : 'unsupported item');
    }
  }

  end(): boolean {
    return this.pos === this.b.length;
  }
}

function half(h: number): number {
  const e = (h >> 10) & 31, m = h & 1023;
  const v = e === 0 ? m * 2 ** -24 : e === 31 ? (m === 0 ? Infinity : NaN) : (m + 1024) * 2 ** (e - 25);
  return h & 0x8000 ? -v : v;
}

/** One CBOR document filling all of `bytes`; its byte strings are views into `bytes`. Throws CborError. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const r = new Reader(bytes);
  const v = r.read(0);
  if (!r.end()) r.fail('trailing bytes');
  return v;
}
