import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromBuffer } from '@capsizecss/unpack';
import { describe, expect, it } from 'vitest';
import { checkLayout, markBox } from '../../src/figures/kit/bounds';
import { arrow, hatch, roundedRect } from '../../src/figures/kit/shapes';
import { barLabel, tag } from '../../src/figures/kit/labels';
import { linear, time } from '../../src/figures/kit/scales';
import { block, lines, wrap } from '../../src/figures/kit/text';
import { textWidth } from '../../src/figures/kit/measure';
import { INTER_METRICS, TYPE } from '../../src/figures/kit/type';
import { frameAt } from '../../src/figures/kit/transition';
import { LAYOUTS } from '../../src/figures/kit/define';
import { ARRIVING_SEEN_FROM, LEAVING_SEEN_UNTIL } from '../../src/figures/schedule';
import type { Mark, TextMark } from '../../src/figures/marks';
import { instanceFile } from '../../src/type/fonts';

const root = new URL('../../', import.meta.url).pathname;

describe('type', () => {
  it('figure.css sets every text role at the kit size and weight', () => {
    const css = readFileSync(join(root, 'src/styles/figure.css'), 'utf8');
    for (const [role, px] of Object.entries(TYPE.size)) expect(css, role).toMatch(new RegExp(`\\.ts-${role} \\{ font-size: ${px}px; \\}`));
    expect(css).toMatch(new RegExp(`\\.tw-bold \\{ font-weight: ${TYPE.weight.bold}; \\}`));
    expect(css).toMatch(new RegExp(`\\.tw-regular \\{ font-weight: ${TYPE.weight.regular}; \\}`));
  });

  it('the embed keeps the narrow drawing 1:1 down to the width LAYOUTS gives it (its padding gives way at that width)', () => {
    const css = readFileSync(join(root, 'src/layouts/Embed.astro'), 'utf8');
    expect(css).toContain(`padding-inline: clamp(0px, (100vw - ${LAYOUTS.narrow.width}px) / 2, var(--space-3));`);
  });

  it('the pinned column places its drawing by the drawings\' aspect ratios in LAYOUTS, switched where figure.css switches them', () => {
    const scrolly = readFileSync(join(root, 'src/components/Scrolly.astro'), 'utf8');
    const figure = readFileSync(join(root, 'src/styles/figure.css'), 'utf8');
    // The frame's offset: half of the column's width at the drawing's aspect ratio, as a percentage.
    const half = (l: { width: number; height: number }) => (50 * l.height) / l.width;
    const offsets = [...scrolly.matchAll(/\.scrolly__graphic \.fig-frame \{\s*margin-top: calc\(50svh - var\(--space-5\) - [\d.]+rem - min\(([\d.]+)%,/g)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(2);
    expect(offsets[0]).toBeCloseTo(half(LAYOUTS.narrow), 3);
    expect(offsets[1]).toBeCloseTo(half(LAYOUTS.wide), 3);
    // The wide one inside the same 40rem container query that shows the wide drawing.
    expect(scrolly).toMatch(/@container \(min-width: 40rem\) \{\s*\.scrolly__graphic \.fig-frame \{\s*margin-top: calc\(50svh - var\(--space-5\) - [\d.]+rem - min\(37\.5%/);
    expect(figure).toMatch(/@container \(min-width: 40rem\) \{\s*\.fig svg\[data-layout='narrow'\]/);
  });

  it('INTER_METRICS are the metrics of the font measure() reads', async () => {
    const m = await fromBuffer(readFileSync(instanceFile('sans', 450)));
    expect(INTER_METRICS.capHeight).toBeCloseTo(m.capHeight / m.unitsPerEm, 3);
    expect(INTER_METRICS.ascent).toBeCloseTo(m.ascent / m.unitsPerEm, 3);
    expect(INTER_METRICS.descent).toBeCloseTo(-m.descent / m.unitsPerEm, 3);
  });

  it('no text role is below 12 units', () => {
    expect(Math.min(...Object.values(TYPE.size))).toBeGreaterThanOrEqual(12);
  });
});

describe('text', () => {
  it('lines(text, narrow) breaks at "|" only when narrow', () => {
    expect(lines('a b|c', true)).toEqual(['a b', 'c']);
    expect(lines('a b|c', false)).toEqual(['a b c']);
  });

  it('wrap(text, maxWidth) keeps every line within maxWidth as measured', () => {
    const text = 'Microsoft sicherte sich Vorrechte an der Technik von OpenAI';
    const rows = wrap(text, 120, { size: 's' });
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(textWidth(r, { size: 's' })).toBeLessThanOrEqual(120);
    expect(rows.join(' ')).toBe(text);
  });

  it('wrap() never starts a line with a separator', () => {
    for (const r of wrap('Artikel · Kontext · OpenAI · Reuters', 70, { size: 's' })) expect(r.startsWith('·')).toBe(false);
  });

  it('block() keys lines and throws when a text needs more lines than allowed', () => {
    const b = block({ key: 'note', text: 'one two three four five six seven', x: 0, y: 20, maxWidth: 60 });
    expect(b.marks.map((m) => m.key)).toEqual(b.marks.map((_, i) => `note-${i}`));
    expect(b.next).toBe(20 + b.marks.length * TYPE.leading.s);
    expect(() => block({ key: 'n', text: 'one two three four five six seven', x: 0, y: 0, maxWidth: 60, maxLines: 1 })).toThrow(/at most 1/);
  });
});

describe('shapes', () => {
  it('arrow(points) ends its head at the last point', () => {
    const d = arrow([[0, 0], [100, 0]], { head: 8 });
    expect(d).toMatch(/^M0,0L100,0M/);
    expect(d.endsWith('L100,0')).toBe(true);
  });

  it('roundedRect(box, r) stays within its box', () => {
    const b = markBox({ kind: 'path', key: 'p', tone: 'ink', d: roundedRect({ x: 10, y: 20, width: 50, height: 30 }, 6), fill: true })!;
    expect(b.x).toBeGreaterThanOrEqual(10);
    expect(b.y).toBeGreaterThanOrEqual(20);
    expect(b.x + b.width).toBeLessThanOrEqual(60.01);
    expect(b.y + b.height).toBeLessThanOrEqual(50.01);
  });

  it('markBox() follows a relative move after Z from the start of the closed subpath', () => {
    const b = markBox({ kind: 'path', key: 'dots', tone: 'ink', d: 'M10,10h4v4h-4zm6,0h4v4h-4z', fill: true })!;
    expect(b).toEqual({ x: 10, y: 10, width: 10, height: 4 });
  });

  it('hatch(box) draws only inside its box', () => {
    const b = markBox({ kind: 'path', key: 'h', tone: 'ink', d: hatch({ x: 5, y: 5, width: 40, height: 20 }, 5) })!;
    expect(b.x).toBeGreaterThanOrEqual(5 - 1e-9);
    expect(b.x + b.width).toBeLessThanOrEqual(45 + 1e-9);
    expect(b.y + b.height).toBeLessThanOrEqual(25 + 1e-9);
  });
});

describe('labels', () => {
  it('tag() has the same look for every kind, with the word of the language', () => {
    const a = tag({ key: 't', kind: 'context', x: 0, y: 0, lang: 'de' });
    const b = tag({ key: 't', kind: 'schematic', x: 0, y: 0, lang: 'en' });
    expect(a.marks.map((m) => [m.kind, m.tone])).toEqual(b.marks.map((m) => [m.kind, m.tone]));
    expect((a.marks.find((m) => m.kind === 'text') as TextMark).text).toBe('KONTEXT');
    expect(checkLayout(a.marks, { width: 200, height: 40 })).toEqual([]);
  });

  it('barLabel() goes inside a bar wide enough for the measured text, beside a short one', () => {
    const inside = barLabel({ key: 'v', text: '300 Mrd. Dollar', bar: { key: 'bar', x: 0, y: 0, width: 200, height: 30 } });
    const outside = barLabel({ key: 'v', text: '300 Mrd. Dollar', bar: { key: 'bar', x: 0, y: 0, width: 60, height: 30 } });
    expect(inside).toMatchObject({ tone: 'paper', anchor: 'end', on: 'bar' });
    expect(outside).toMatchObject({ tone: 'ink', anchor: 'start', x: 66 });
  });
});

describe('scales', () => {
  it('linear({ values }) takes its domain from the data, from zero, niced', () => {
    const { scale, ticks } = linear({ values: [157, 300], range: [0, 100] });
    expect(scale.domain()).toEqual([0, 300]);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(300);
    expect(linear({ values: [157, 500], range: [0, 100] }).scale.domain()[1]).toBe(500);
  });

  it('time({ dates }) spans the data and rejects what is not a date', () => {
    const t = time({ dates: ['2023-01-23', '2025-03-31'], range: [0, 100] });
    expect(t.at('2023-01-23')).toBe(0);
    expect(t.at('2025-03-31')).toBe(100);
    expect(() => time({ dates: ['März 2025'], range: [0, 1] })).toThrow(/yyyy-mm-dd/);
  });
});

describe('checkLayout and frameAt', () => {
  const label = (key: string, x: number, text = 'Label', extra: Partial<TextMark> = {}): TextMark => ({ kind: 'text', key, tone: 'ink', x, y: 20, text, ...extra });

  it('checkLayout() finds labels on top of each other, measured', () => {
    const w = textWidth('Label', { size: 's' });
    expect(checkLayout([label('a', 0), label('b', w + 2)], { width: 300, height: 40 })).toEqual([]);
    expect(checkLayout([label('a', 0), label('b', w - 3)], { width: 300, height: 40 })[0]?.kind).toBe('labels overlap');
  });

  it('checkLayout() allows a label on its own shape only', () => {
    const bar: Mark = { kind: 'rect', key: 'bar', tone: 'accent', x: 0, y: 0, width: 100, height: 30 };
    expect(checkLayout([bar, label('v', 5, 'Label', { on: 'bar' })], { width: 300, height: 40 })).toEqual([]);
    expect(checkLayout([bar, label('v', 5)], { width: 300, height: 40 })[0]?.kind).toBe('label on a shape');
  });

  it('checkLayout() finds marks outside the view box', () => {
    expect(checkLayout([label('a', 280, 'A long label')], { width: 300, height: 40 })[0]?.kind).toBe('outside the figure');
  });

  it('frameAt() moves shared marks linearly and switches their words half way', () => {
    const a = [label('x', 0, 'old')];
    const b = [label('x', 100, 'new')];
    expect(frameAt(a, b, 0.25)[0]).toMatchObject({ x: 25, text: 'old' });
    expect(frameAt(a, b, 0.75)[0]).toMatchObject({ x: 75, text: 'new' });
  });

  it('frameAt() keeps leaving marks until LEAVING_SEEN_UNTIL and shows arriving ones from ARRIVING_SEEN_FROM', () => {
    const a = [label('gone', 0)];
    const b = [label('new', 0)];
    expect(frameAt(a, b, LEAVING_SEEN_UNTIL - 0.01).map((m) => m.key)).toEqual(['gone']);
    expect(frameAt(a, b, LEAVING_SEEN_UNTIL).map((m) => m.key)).toEqual([]);
    expect(frameAt(a, b, ARRIVING_SEEN_FROM).map((m) => m.key)).toEqual(['new']);
  });
});

/** Files of one figure folder (not the kit). */
function figureFolders(): string[] {
  const dir = join(root, 'src/figures');
  return readdirSync(dir).filter((d) => d !== 'kit' && statSync(join(dir, d)).isDirectory());
}

function sourcesOf(folder: string): [string, string][] {
  const dir = join(root, 'src/figures', folder);
  return readdirSync(dir)
    .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => [`${folder}/${f}`, readFileSync(join(dir, f), 'utf8')]);
}

describe('figure folders hold their data and their idea only', () => {
  const folders = figureFolders();
  it('finds the figure folders', () => expect(folders.length).toBeGreaterThanOrEqual(5));

  for (const folder of folders) {
    it(`${folder} declares no type size, character-width guess or width breakpoint`, () => {
      const bad: string[] = [];
      for (const [file, src] of sourcesOf(folder)) {
        src.split('\n').forEach((line, i) => {
          if (/\bxs\s*:\s*\d/.test(line) || /font-?size/i.test(line)) bad.push(`${file}:${i + 1} type size: ${line.trim()}`);
          if (/\b0\.5\d\s*\*|\*\s*0\.5\d\b|\.length\s*\*\s*[\d.]+|\bem\s*per\s*char/i.test(line)) bad.push(`${file}:${i + 1} width guess: ${line.trim()}`);
          if (/\bwidth\s*<=?\s*\d/.test(line)) bad.push(`${file}:${i + 1} breakpoint: ${line.trim()}`);
          if (/['"]summary['"]/.test(line)) bad.push(`${file}:${i + 1} state literal: use SUMMARY / the kit's state resolution`);
        });
      }
      expect(bad).toEqual([]);
    });

    it(`${folder} imports nothing from another figure's folder`, () => {
      const bad = sourcesOf(folder).flatMap(([file, src]) =>
        [...src.matchAll(/from '\.\.\/([a-z-]+)\//g)].filter((m) => m[1] !== 'kit').map((m) => `${file} imports ../${m[1]}/`),
      );
      expect(bad).toEqual([]);
    });
  }
});

/**
 * Significant lines of a folder's sources, normalised so the same shape with other names
 * matches: identifiers, numbers and strings become placeholders; imports, comments, blank
 * lines and lines of bare punctuation are left out.
 */
function shapeLines(folder: string): { file: string; line: number; shape: string }[] {
  const out: { file: string; line: number; shape: string }[] = [];
  for (const [file, src] of sourcesOf(folder)) {
    src.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line || /^(import|export \{|\/\/|\/\*|\*)/.test(line)) return;
      const shape = line
        .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, 's')
        .replace(/\b\d+(\.\d+)?\b/g, '0')
        .replace(/\b[A-Za-z_$][\w$]*\b/g, (w) => (/^(const|let|return|if|else|for|of|in|function|export|new|case|switch|default|break|continue|true|false|null|undefined|typeof|as)$/.test(w) ? w : 'x'));
      // Bare punctuation, and declarations of one field or one value (`key: string;`, `x,`),
      // look alike in any two files; they are not shared code.
      if (/^[\s{}()[\];,.:x?!=<>+\-*/&|]*$/.test(shape) && shape.replace(/[^x]/g, '').length < 2) return;
      if (/^(readonly )?x\??: [x\s|\[\]<>,s0.]*[;,]?$/.test(shape) || /^x,?$/.test(shape)) return;
      out.push({ file, line: i + 1, shape });
    });
  }
  return out;
}

describe('figure folders share no code', () => {
  const WINDOW = 6;
  it(`no block of ${WINDOW} or more lines (same lines, or the same shape with other names) appears in two figure folders`, () => {
    const seenAt = new Map<string, string>();
    const bad: string[] = [];
    for (const folder of figureFolders()) {
      const lines = shapeLines(folder);
      const here = new Set<string>();
      for (let i = 0; i + WINDOW <= lines.length; i++) {
        const win = lines.slice(i, i + WINDOW);
        if (new Set(win.map((l) => l.file)).size > 1) continue;
        const key = win.map((l) => l.shape).join('\n');
        const where = `${win[0]!.file}:${win[0]!.line}`;
        const other = seenAt.get(key);
        if (other && !other.startsWith(`${folder}/`)) bad.push(`${where} repeats ${other}`);
        if (!here.has(key)) {
          here.add(key);
          if (!other) seenAt.set(key, where);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
