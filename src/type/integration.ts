import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FACES, type FamilyKey } from './faces';
import { DOWNLOAD_TEXT, webFont } from './fonts';
import { facesCss, finishWebFonts, PLACEHOLDER } from './webfonts';

/** The module Base.astro and Embed.astro import for the site's @font-face rules and font stacks. */
const VIRTUAL = 'virtual:type-faces.css';
const RESOLVED = `\0${VIRTUAL}`;

/**
 * The type pipeline as an Astro integration:
 *   - `virtual:type-faces.css`: the @font-face rules and fallback faces (facesCss), part of
 *     the one stylesheet every page loads;
 *   - in `astro dev`, the placeholder font URLs answer with fonts cut to DOWNLOAD_TEXT
 *     (the page text is not known until a build);
 *   - after `astro build`, the real web fonts, cut to the built pages' text (finishWebFonts).
 */
export function typePipeline(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  let build = true;
  return {
    name: 'type-pipeline',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        base = config.base;
        build = command === 'build';
        assets = config.build.assets;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'type-pipeline:faces',
                resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? facesCss(base, build) : undefined),
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        const dev = new Map<string, Promise<Buffer>>();
        server.middlewares.use((req, res, next) => {
          const m = new RegExp(`${PLACEHOLDER}(\\w+)\\.woff2$`).exec(req.url?.split('?')[0] ?? '');
          const family = m?.[1] as FamilyKey | undefined;
          if (!family || !FACES[family]) return next();
          if (!dev.has(family)) dev.set(family, webFont(family, DOWNLOAD_TEXT));
          (dev.get(family) as Promise<Buffer>).then(
            (bytes) => res.writeHead(200, { 'Content-Type': 'font/woff2' }).end(bytes),
            (e: unknown) => next(e),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await finishWebFonts(fileURLToPath(dir), base, assets);
        logger.info(Object.entries(report).map(([f, r]) => `${f} ${r.file} ${(r.bytes / 1024).toFixed(1)} KB`).join(', '));
      },
    },
  };
}
