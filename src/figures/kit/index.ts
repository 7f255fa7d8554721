/**
 * The figure kit: what every figure folder builds from. One module per job; a figure imports
 * from here, never from another figure's folder.
 */
export { defineFigure, textContext, LAYOUTS, type FigureContext, type FigureDefinition, type FigureStrings, type TextContext } from './define';
export { TYPE, INTER_METRICS, sizeOf, weightOf, leadingOf, type TextSize, type TextWeight } from './type';
export { measure, textWidth, type LabelStyle } from './measure';
export { lines, wrap, wrapBy, block, type Block, type BlockOptions } from './text';
export { arrow, roundedRect, hatch, type Box, type Point, type ArrowOptions } from './shapes';
export { tag, tagText, barLabel, TAG_HEIGHT, type Tag, type TagKind, type BarLabelOptions } from './labels';
export { linear, time, utcDate, type Axis, type LinearOptions, type TimeOptions } from './scales';
export { headline, type HeadlinePlace } from './headline';
