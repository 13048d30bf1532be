/**
 * The dark-mode switch. Its behaviour lives in ThemeScript, so it works without any client runtime;
 * its moon and sun icons are drawn by CSS (`.theme-toggle` in globals.css): one element on every page.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle
      aria-label="Dark mode"
      aria-pressed="false"
      // The inline theme script sets aria-pressed before React hydrates in `npm run dev`.
      suppressHydrationWarning
      title="Toggle dark mode"
      className="theme-toggle rounded-full p-2 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
    />
  );
}
