import { devContentVersion } from '@/lib/content';
import { readSettings } from '@/lib/settings.mjs';

/** `npm run dev` only: reloads the tab when content changes (app/dev-reload/route.dev.ts). */
export function DevReload() {
  if (readSettings().contentMode !== 'dev') return null;
  return <script src={`/dev-reload?v=${devContentVersion()}`} async />;
}
