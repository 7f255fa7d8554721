/** subset-font 2 ships no types; this is the part of its API (README) the type pipeline calls. */
declare module 'subset-font' {
  interface AxisRange {
    min: number;
    max: number;
    default?: number;
  }
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    keepFeatures?: string[];
    variationAxes?: Record<string, number | AxisRange>;
    keepAllGlyphs?: boolean;
    noHinting?: boolean;
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
    dropTables?: string[];
  }
  export default function subsetFont(font: Uint8Array, text: string | null | undefined, options?: SubsetOptions): Promise<Buffer>;
}
