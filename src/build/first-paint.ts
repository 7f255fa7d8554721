import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import ts from 'typescript';
import { htmlFiles } from './csp-hashes';

/**
 * Nothing but the HTML before the first paint (see src/build/boot.ts for the why).
 *
 * A page asks for it with the marker below in its <head> (Base.astro; embed pages do not: a host
 * page may keep their frame off screen, where no frame is painted, and they must report their
 * height at once). After the build, deferScripts() takes every `<script type="module" src>` out
 * of such a page and writes the boot script, inline, in place of the marker, with the module URLs,
 * in page order, in its `data-modules`. The CSP hash of the boot's text is added by cspHashes(),
 * which runs after this.
 */

/** What Base.astro writes where the boot script goes: `<script is:inline data-gg-boot></script>`. */
export const BOOT_MARKER = '<script data-gg-boot></script>';

const MODULE_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|$)`, 'i').exec(attrs);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/** `&`, `"`, `<` and `>` as character references: the JSON sits in a double-quoted attribute. */
function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The boot script: src/build/boot.ts as the browser runs it (a classic script, no comments). */
export function bootSource(file = fileURLToPath(new URL('./boot.ts', import.meta.url))): string {
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleDetection: ts.ModuleDetectionKind.Legacy,
      removeComments: true,
      newLine: ts.NewLineKind.LineFeed,
    },
  }).outputText;
  return out.replace(/\n\s*/g, '\n').trim();
}

/**
 * A page with its module scripts handed to the boot script. Returns the page unchanged if it has
 * no marker. Refuses (throws) what it cannot defer: an inline module script (it has no URL to
 * import), a module script with attributes the import would drop, a URL with characters
 * that need escaping, or a second marker.
 */
export function deferScripts(html: string, boot: string, page = 'page'): string {
  const at = html.indexOf(BOOT_MARKER);
  if (at < 0) return html;
  if (html.indexOf(BOOT_MARKER, at + 1) >= 0) throw new Error(`${page}: two boot markers`);
  const modules: string[] = [];
  const rest = html.replace(MODULE_TAG, (tag, attrs: string, body: string) => {
    if (attr(attrs, 'type')?.toLowerCase() !== 'module') return tag;
    const src = attr(attrs, 'src');
    if (src === undefined || body.trim()) throw new Error(`${page}: an inline module script cannot wait for the first paint: ${tag.slice(0, 120)}`);
    const others = attrs.replace(/(?:^|\s)(?:type|src)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/gi, '').trim();
    if (others) throw new Error(`${page}: module script with attributes the boot would drop (${others}): ${tag.slice(0, 120)}`);
    // Vite's file names and a base path: nothing an attribute would have to escape, so the URL is the text.
    if (!/^[\w\-./~%]+$/.test(src)) throw new Error(`${page}: a module script URL the boot will not copy: ${JSON.stringify(src)}`);
    if (!modules.includes(src)) modules.push(src);
    return '';
  });
  const script = `<script data-modules="${escapeAttr(JSON.stringify(modules))}">${boot}</script>`;
  return rest.replace(BOOT_MARKER, () => script);
}

/** The integration: after the type pipeline (which reads the scripts' text), before cspHashes(). */
export function firstPaint(): AstroIntegration {
  return {
    name: 'first-paint',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const boot = bootSource();
        let pages = 0;
        for (const file of htmlFiles(outDir)) {
          const html = readFileSync(file, 'utf8');
          const out = deferScripts(html, boot, file.slice(outDir.length));
          if (out !== html) {
            writeFileSync(file, out);
            pages++;
          }
        }
        logger.info(`${pages} pages load their fonts and scripts after the first paint (boot script ${Buffer.byteLength(boot)} B)`);
      },
    },
  };
}
