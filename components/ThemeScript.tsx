import { themeScript } from '@/lib/server/theme-script.mjs';

/** The inline theme script; plain script rather than a React component, so pages need no client runtime. */
export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, allowed by hash in the CSP.
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
