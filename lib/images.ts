// Remote images at the size a page shows them: URL builders for hosts that resize on request
// (imgix-style `w`/`h`/`fit` parameters, as Unsplash and imgix take them, and Cloudinary's path
// transformations), and the MIME type of an image where its URL says it. Other hosts are left alone.

export interface Size {
  width: number;
  height: number;
  /** Ask the host for JPEG, so the type is known (feed enclosures, social cards). Default: the host's choice. */
  jpeg?: boolean;
}

const IMGIX_HOSTS = /(^|\.)(images\.unsplash\.com|imgix\.net)$/;
const CLOUDINARY = /^\/([^/]+)\/image\/upload\//;

function parse(src: string): URL | undefined {
  if (!/^https?:\/\//.test(src)) return undefined;
  try {
    return new URL(src);
  } catch {
    return undefined;
  }
}

/** Whether the image's host resizes it on request, so `resizedImage` changes its URL. */
export function isResizable(src: string): boolean {
  const url = parse(src);
  return Boolean(url && (IMGIX_HOSTS.test(url.hostname) || isCloudinary(url)));
}

const isCloudinary = (url: URL) => url.hostname === 'res.cloudinary.com' && CLOUDINARY.test(url.pathname);

/** The URL of the image cropped to `width` × `height`, or `src` unchanged when its host cannot resize. */
export function resizedImage(src: string, { width, height, jpeg = false }: Size): string {
  const url = parse(src);
  if (!url) return src;
  if (IMGIX_HOSTS.test(url.hostname)) {
    url.searchParams.set('w', String(width));
    url.searchParams.set('h', String(height));
    url.searchParams.set('fit', 'crop');
    if (jpeg) {
      url.searchParams.delete('auto');
      url.searchParams.set('fm', 'jpg');
    }
    return url.toString();
  }
  if (isCloudinary(url)) {
    const transform = [`c_fill`, `w_${width}`, `h_${height}`, ...(jpeg ? ['f_jpg'] : [])].join(',');
    url.pathname = url.pathname.replace(CLOUDINARY, (upload) => `${upload}${transform}/`);
    return url.toString();
  }
  return src;
}

/**
 * A next/image-style loader (`{ src, width }` → URL) for covers at a 2:1 box: the size the page
 * shows and twice that for dense screens.
 */
export function coverLoader({ src, width }: { src: string; width: number }): string {
  return resizedImage(src, { width, height: Math.round(width / 2) });
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The image's MIME type from its format parameter or its file extension; undefined when the URL does not say. */
export function imageType(src: string): string | undefined {
  const url = parse(src) ?? new URL(src, 'http://local.invalid');
  const format =
    url.searchParams.get('fm') ??
    (isCloudinary(url) ? url.pathname.match(/[/,]f_([a-z]+)[,/]/)?.[1] : undefined) ??
    url.pathname.match(/\.([a-z0-9]+)$/i)?.[1];
  return format ? TYPES[format.toLowerCase()] : undefined;
}
