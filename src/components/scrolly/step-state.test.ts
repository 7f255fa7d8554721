import { describe, expect, it } from 'vitest';
import { activeIndex, parseLayout, stepFromHash, triggerLine } from './step-state';

describe('activeIndex(tops, trigger)', () => {
  it('gives the first step while no step has reached the trigger (Home)', () => {
    expect(activeIndex([500, 1400, 2300], 400)).toBe(0);
  });
  it('gives the last step whose top is above the trigger', () => {
    expect(activeIndex([-1200, -300, 380, 1300], 400)).toBe(2);
  });
  it('gives the last step once every top has passed the trigger (End)', () => {
    expect(activeIndex([-4000, -3000, -2000, -900], 400)).toBe(3);
  });
  it('counts a top exactly on the line as reached', () => {
    expect(activeIndex([-100, 400], 400)).toBe(1);
  });
  it('gives 0 for no steps at all', () => {
    expect(activeIndex([], 400)).toBe(0);
  });
});

describe('stepFromHash(hash, known)', () => {
  it('reads a known id, with or without #, and percent-escapes', () => {
    expect(stepFromHash('#one-hour', ['five-days', 'one-hour'])).toBe('one-hour');
    expect(stepFromHash('100k%2Dchunks', ['100k-chunks'])).toBe('100k-chunks');
  });
  it('gives null for unknown ids and malformed escapes', () => {
    expect(stepFromHash('#nope', ['one-hour'])).toBeNull();
    expect(stepFromHash('#%E0%A4%A', ['one-hour'])).toBeNull();
  });
});

describe('parseLayout(value)', () => {
  it('reads top and side, trimming the custom property’s spaces', () => {
    expect(parseLayout(' top')).toBe('top');
    expect(parseLayout('side ')).toBe('side');
  });
  it('treats anything else as flow', () => {
    expect(parseLayout('')).toBe('flow');
    expect(parseLayout('sticky')).toBe('flow');
  });
});

describe('triggerLine(layout, viewportHeight, pinnedHeight)', () => {
  it('is half-way down beside a side figure', () => {
    expect(triggerLine('side', 800, 0)).toBe(400);
  });
  it('is two fifths into the space below a pinned top figure', () => {
    expect(triggerLine('top', 740, 290)).toBe(290 + 450 * 0.4);
  });
});
