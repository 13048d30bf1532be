interface Props {
  src: string;
  alt: string;
  caption?: string;
  width?: number;
  height?: number;
}

/** MDX: `<Figure src="…" alt="…" caption="…" />`, an image with a caption, lazy-loaded. */
export function Figure({ src, alt, caption, width, height }: Props) {
  return (
    <figure>
      {/* biome-ignore lint/performance/noImgElement: body images must work on the static host too. */}
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
