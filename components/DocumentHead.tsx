import Head from 'next/head';
import type { HeadData } from '@/lib/metadata';

/** A Pages Router page's title, meta and link tags (see headOf in lib/metadata.ts). */
export function DocumentHead({ head }: { head: HeadData }) {
  return (
    <Head>
      <title>{head.title}</title>
      {head.meta.map((tag, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered.
        <meta key={`m${i}`} {...tag} />
      ))}
      {head.links.map((tag, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered.
        <link key={`l${i}`} {...tag} />
      ))}
    </Head>
  );
}
