import type { ReactNode } from 'react';

const tones = {
  note: 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60',
  tip: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/60',
  warning: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/60',
};

interface Props {
  type?: keyof typeof tones;
  title?: string;
  children: ReactNode;
}

/** MDX: `<Callout type="tip" title="…">…</Callout>`, an aside that stands out from the text. */
export function Callout({ type = 'note', title, children }: Props) {
  return (
    <aside
      className={`not-prose my-6 rounded-r-lg border-l-4 px-5 py-4 ${Object.hasOwn(tones, type) ? tones[type] : tones.note}`}
    >
      {title && <p className="mb-1 font-semibold">{title}</p>}
      <div className="[&>p+p]:mt-3">{children}</div>
    </aside>
  );
}
