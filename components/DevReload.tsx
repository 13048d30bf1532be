import { devContentVersion } from '@/lib/content';

/** `npm run dev` only: reloads the tab when content changes (app/dev-reload/route.dev.ts). */
export function DevReload() {
  if (process.env.NODE_ENV !== 'development') return null;
  return <script src={`/dev-reload?v=${devContentVersion()}`} async />;
}
