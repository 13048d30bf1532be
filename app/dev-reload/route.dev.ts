// `npm run dev` only (next.config.js lists `.dev.ts` routes in development alone): an open tab
// reloads itself within a second of a content file being saved, as Hugo and Astro tabs do. The page
// loads this as a script (components/DevReload.tsx) with the content version it was rendered from;
// the script asks for the version every second and reloads the page when it differs.
import { devContentVersion } from '@/lib/content';

const script = `(() => {
  const own = new URL(document.currentScript.src);
  const rendered = own.searchParams.get('v');
  const check = async () => {
    try {
      const response = await fetch('/dev-reload?version', { cache: 'no-store' });
      if ((await response.text()) !== rendered) return location.reload();
    } catch {}
    setTimeout(check, 1000);
  };
  setTimeout(check, 1000);
})();`;

export function GET(request: Request) {
  const asksVersion = new URL(request.url).searchParams.has('version');
  return new Response(asksVersion ? String(devContentVersion()) : script, {
    headers: {
      'Content-Type': asksVersion ? 'text/plain' : 'text/javascript',
      'Cache-Control': 'no-store',
    },
  });
}
