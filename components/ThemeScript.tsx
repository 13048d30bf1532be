/** Sets the theme before first paint, so a dark reader never sees a white flash. */
export const themeScript = `(function(){try{var s=localStorage.getItem('theme');var d=s?s==='dark':matchMedia('(prefers-color-scheme: dark)').matches;var e=document.documentElement;e.classList.toggle('dark',d);}catch(_){}})()`;

export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, not content.
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
