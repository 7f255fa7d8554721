/** Big-endian byte reading and writing for the font modules. */

/** A forward-only big-endian reader over a byte array; throws when it runs out. */
export class Reader {
  pos: number;
  constructor(
    private readonly b: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }
  get length(): number {
    return this.b.length;
  }
  private need(n: number): void {
    if (this.pos + n > this.b.length) throw new Error('font: unexpected end of data');
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++] as number;
  }
  i8(): number {
    const v = this.u8();
    return v & 0x80 ? v - 0x100 : v;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  i16(): number {
    const v = this.u16();
    return v & 0x8000 ? v - 0x10000 : v;
  }
  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }
  i32(): number {
    return this.u32() | 0;
  }
  /** A 2.14 fixed-point number. */
  f2dot14(): number {
    return this.i16() / 16384;
  }
  tag(): string {
    return String.fromCharCode(this.u8(), this.u8(), this.u8(), this.u8());
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** The bytes read since `start`, a position this reader already passed. */
  since(start: number): Uint8Array {
    return this.b.subarray(start, this.pos);
  }
}

/** A growable big-endian writer. */
export class Writer {
  private buf = new Uint8Array(256);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(v: number): void {
    this.grow(1);
    this.buf[this.length++] = v & 0xff;
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  /** Signed 16 bit; throws when the value does not fit, rather than wrapping silently. */
  i16(v: number): void {
    if (v < -32768 || v > 32767 || !Number.isInteger(v)) throw new Error(`font: ${v} does not fit in int16`);
    this.u16(v & 0xffff);
  }
  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    this.u16(v & 0xffff);
  }
  f2dot14(v: number): void {
    this.i16(Math.round(v * 16384));
  }
  tag(t: string): void {
    for (let i = 0; i < 4; i++) this.u8(t.charCodeAt(i));
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  pad4(): void {
    while (this.length % 4) this.u8(0);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads a uint16 at a byte offset. */
export function u16At(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

/** Returns a copy of `b` with a uint16 written at a byte offset. */
export function withU16(b: Uint8Array, at: number, v: number): Uint8Array {
  const out = b.slice();
  out[at] = (v >> 8) & 0xff;
  out[at + 1] = v & 0xff;
  return out;
}
