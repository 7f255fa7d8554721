import { describe, expect, it } from 'vitest';
import { placeNear } from './term-place';

const view = { width: 375, height: 740 };
const size = { width: 300, height: 160 };

describe('placeNear(anchor, size, view)', () => {
  it('puts the box just below the term, aligned with its left edge', () => {
    expect(placeNear({ left: 40, top: 400, bottom: 420 }, size, view)).toEqual({ left: 40, top: 426 });
  });
  it('goes above the term when there is no room below', () => {
    expect(placeNear({ left: 40, top: 640, bottom: 660 }, size, view)).toEqual({ left: 40, top: 640 - 6 - 160 });
  });
  it('keeps the box inside the screen on the right and at the top', () => {
    expect(placeNear({ left: 300, top: 100, bottom: 120 }, size, view).left).toBe(375 - 300 - 8);
    expect(placeNear({ left: 10, top: 60, bottom: 700 }, size, view).top).toBe(8);
  });
});
