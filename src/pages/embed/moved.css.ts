import type { APIRoute } from 'astro';

/** The few rules of /embed/<lang>/404.html (a file, so the embed CSP needs no inline style). */
const CSS = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1c1c1e;background:#fbf9f4}
main{max-width:40rem;padding:1rem}
h1{font-size:1.125rem;margin:0 0 .5rem}
p{margin:0 0 .5rem}
a{color:#1a5fb4}
`;

export const GET: APIRoute = () => new Response(CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
