import { describe, expect, it } from 'vitest';
import { escapeXml, marksToSvg, rectsPath, roundPath, unionKeys, type Mark } from '../../src/figures/marks';

const rect = (key: string): Mark => ({ kind: 'rect', key, tone: 'accent', x: 0, y: 0, width: 1, height: 1 });

describe('marks', () => {
  it('unionKeys() keeps every key once, in first-seen order', () => {
    expect(unionKeys([[rect('a'), rect('b')], [rect('b'), rect('c')]])).toEqual(['a', 'b', 'c']);
  });

  it('unionKeys() slots a later state\'s new key before the marks it is drawn under', () => {
    // State 2 draws its grid line before (under) the bar; the union must keep that.
    const order = unionKeys([[rect('title'), rect('bar')], [rect('title'), rect('grid'), rect('bar')]]);
    expect(order.indexOf('grid')).toBeLessThan(order.indexOf('bar'));
  });

  it('escapeXml() neutralises markup and quotes', () => {
    expect(escapeXml('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });

  it('roundPath() rounds every number in a path to two decimals', () => {
    expect(roundPath('M1.23456 2.3456L-0.001 10')).toBe('M1.23 2.35L0 10');
  });

  it('rectsPath() draws each rectangle as one closed subpath, corners rounded and clamped', () => {
    const r = { x: 1, y: 2, width: 10, height: 6 };
    expect(rectsPath([r, { ...r, x: 20 }])).toBe('M1,2h10v6h-10ZM20,2h10v6h-10Z');
    expect(rectsPath([r], 2)).toBe('M3,2h6a2,2 0 0 1 2,2v2a2,2 0 0 1 -2,2h-6a2,2 0 0 1 -2,-2v-2a2,2 0 0 1 2,-2Z');
    // A radius larger than half the short side becomes half of it.
    expect(rectsPath([r], 5)).toBe('M4,2h4a3,3 0 0 1 3,3v0a3,3 0 0 1 -3,3h-4a3,3 0 0 1 -3,-3v0a3,3 0 0 1 3,-3Z');
    expect(rectsPath([])).toBe('');
  });

  it('marksToSvg() escapes text and draws marks missing from the state hidden', () => {
    const text: Mark = { kind: 'text', key: 't', tone: 'ink', x: 1, y: 2, text: '<b>&' };
    const svg = marksToSvg({ width: 10, height: 10, state: [text], keys: ['t', 'r'], fallback: new Map([['r', rect('r')]]) });
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/<rect data-key="r"[^>]*opacity="0"/);
    expect(svg).toContain('viewBox="0 0 10 10"');
  });
});
