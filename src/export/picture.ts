import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { pictureMetadata, pngText, withPngText, withSvgMetadata } from './metadata';
import { figurePng } from './png';
import { standaloneSvg } from './svg';

/**
 * One state of a figure as a downloadable picture: the standalone SVG with its
 * <metadata>, or the PNG with the same title, credit, licence and URL as text chunks.
 * `url` is the story to cite.
 */
export function picture(o: { figure: FigureModule; lang: Lang; state: string; kind: 'svg' | 'png'; url: string }): string | Uint8Array<ArrayBuffer> {
  const meta = pictureMetadata(o.figure, o.lang, o.state, o.url);
  if (o.kind === 'svg') return withSvgMetadata(standaloneSvg({ figure: o.figure, lang: o.lang, state: o.state }), meta);
  return withPngText(figurePng({ figure: o.figure, lang: o.lang, state: o.state }), pngText(meta));
}
