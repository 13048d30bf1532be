// Makes a prerendered page a plain HTML document. Pages have no interactive React component (the
// theme toggle is a few lines of inline script), so Next's client runtime is dead weight: this removes
// it and the inline React Server Components payload (~135 KB of compressed JavaScript and about half
// of each page's HTML). No App Router option leaves them out; scripts/postbuild.mjs applies this to
// every page of a build.

const RUNTIME_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const RUNTIME_LINK =
  /<link\b[^>]*\brel="(preload|modulepreload)"[^>]*\bas="(script|style)"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;

export function stripRuntime(html) {
  return html
    .replace(RUNTIME_SCRIPT, (tag, attributes, body) => {
      if (/\bsrc="\/_next\//.test(attributes)) return '';
      if (/\bid="(_R_|__NEXT_DATA__)"/.test(attributes)) return '';
      if (!attributes.trim() && /^\(?(self\.__next_f|\(globalThis\["TURBOPACK"\])/.test(body)) return '';
      return tag;
    })
    .replace(RUNTIME_LINK, '')
    .replace('<div hidden=""><!--$--><!--/$--></div>', '');
}
