import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, selectForCopy } from './clipboard';

/** The parts of an element the helper touches, recording what happened to it. */
function fakeElement(localName: string) {
  const log: string[] = [];
  const el = {
    localName,
    textContent: '',
    focus: () => log.push('focus'),
    select: () => log.push('select'),
  };
  return { el: el as unknown as HTMLElement, log, status: el };
}

/** A page whose Clipboard API accepts (records the text) or refuses. */
function page(clipboard: 'ok' | 'refused' | 'missing') {
  const written: string[] = [];
  const ranges: unknown[] = [];
  vi.stubGlobal(
    'navigator',
    clipboard === 'missing'
      ? {}
      : { clipboard: { writeText: (t: string) => (clipboard === 'ok' ? (written.push(t), Promise.resolve()) : Promise.reject(new Error('denied'))) } },
  );
  vi.stubGlobal('document', { createRange: () => ({ selectNodeContents: (n: unknown) => ranges.push(n) }) });
  vi.stubGlobal('getSelection', () => ({ removeAllRanges: () => ranges.push('cleared'), addRange: () => ranges.push('added') }));
  return { written, ranges };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('copyText()', () => {
  it('puts the text on the clipboard, says "copied" and selects nothing', async () => {
    const { written } = page('ok');
    const field = fakeElement('input');
    const status = fakeElement('span').status;
    const ok = await copyText('https://example.org/#a', { status: status as unknown as HTMLElement, copied: 'Kopiert', failed: 'Bitte selbst kopieren', fallback: () => field.el });
    expect(ok).toBe(true);
    expect(written).toEqual(['https://example.org/#a']);
    expect(status.textContent).toBe('Kopiert');
    expect(field.log).toEqual([]);
  });

  it('where the clipboard is refused, selects the field and says so', async () => {
    page('refused');
    const field = fakeElement('textarea');
    const status = fakeElement('span').status;
    const ok = await copyText('<iframe>', { status: status as unknown as HTMLElement, copied: 'Copied', failed: 'Press Ctrl+C', fallback: () => field.el });
    expect(ok).toBe(false);
    expect(field.log).toEqual(['focus', 'select']);
    expect(status.textContent).toBe('Press Ctrl+C');
  });

  it('where there is no Clipboard API at all, falls back the same way', async () => {
    page('missing');
    const field = fakeElement('input');
    expect(await copyText('x', { copied: 'a', failed: 'b', fallback: () => field.el })).toBe(false);
    expect(field.log).toEqual(['focus', 'select']);
  });

  it('makes the fallback element only when it is needed', async () => {
    page('ok');
    const fallback = vi.fn(() => fakeElement('input').el);
    await copyText('x', { copied: 'a', failed: 'b', fallback });
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe('selectForCopy()', () => {
  it('selects the contents of an element that is not a field, then focuses it', () => {
    const { ranges } = page('refused');
    const block = fakeElement('pre');
    selectForCopy(block.el);
    expect(ranges).toEqual([block.el, 'cleared', 'added']);
    expect(block.log).toEqual(['focus']);
  });
});
