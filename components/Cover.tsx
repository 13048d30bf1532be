import type { Article } from '@/lib/content';

interface Props {
  article: Pick<Article, 'coverImage'>;
  /** The article page's cover is the largest paint: load it first. Cards load lazily. */
  priority?: boolean;
  className?: string;
}

/** The cover image at a fixed 2:1 box, so nothing shifts while it loads. Plain `<img>`: both hosts, no optimiser. */
export function Cover({ article, priority = false, className = '' }: Props) {
  if (!article.coverImage) return null;
  return (
    // biome-ignore lint/performance/noImgElement: covers are remote and the static host has no image optimiser.
    <img
      src={article.coverImage}
      alt=""
      width={800}
      height={400}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      className={`aspect-[2/1] w-full rounded-lg bg-zinc-100 object-cover dark:bg-zinc-800 ${className}`}
    />
  );
}
