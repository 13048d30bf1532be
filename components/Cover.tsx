import type { Article } from '@/lib/content';
import { coverLoader, isResizable } from '@/lib/images';

interface Props {
  article: Pick<Article, 'coverImage'>;
  /** The article page's cover is the largest paint: load it first, at its larger size. Cards load lazily. */
  priority?: boolean;
  className?: string;
}

/** CSS pixels a cover is shown at, at most: the article column, or a card of the three-column grid. */
const SHOWN = { article: 768, card: 400 };

/**
 * The cover image at a fixed 2:1 box, so nothing shifts while it loads. Plain `<img>`: both hosts, no
 * optimiser. Hosts that resize on request (lib/images.ts) are asked for the size shown, and twice that
 * for dense screens; other covers are used as they are.
 */
export function Cover({ article, priority = false, className = '' }: Props) {
  const src = article.coverImage;
  if (!src) return null;
  const width = priority ? SHOWN.article : SHOWN.card;
  const shown = isResizable(src) ? coverLoader({ src, width }) : undefined;
  return (
    // biome-ignore lint/performance/noImgElement: covers are remote and the static host has no image optimiser.
    <img
      src={shown ?? src}
      srcSet={shown && `${shown} 1x, ${coverLoader({ src, width: 2 * width })} 2x`}
      alt=""
      width={width}
      height={width / 2}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      className={`aspect-[2/1] w-full rounded-lg bg-zinc-100 object-cover dark:bg-zinc-800 ${className}`}
    />
  );
}
