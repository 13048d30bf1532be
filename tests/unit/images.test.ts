import { describe, expect, it } from 'vitest';
import { coverLoader, imageType, isResizable, resizedImage } from '@/lib/images';

const UNSPLASH = 'https://images.unsplash.com/photo-1677442136019-21780ecad995?w=400&h=200&fit=crop&auto=format';
const CLOUDINARY = 'https://res.cloudinary.com/demo/image/upload/v1690000000/briefs/chart.png';

describe('remote images at the size shown', () => {
  it('asks imgix-style hosts for the size, replacing the size in the URL', () => {
    const url = new URL(resizedImage(UNSPLASH, { width: 800, height: 400 }));
    expect(url.searchParams.get('w')).toBe('800');
    expect(url.searchParams.get('h')).toBe('400');
    expect(url.searchParams.get('fit')).toBe('crop');
    expect(url.searchParams.get('auto')).toBe('format');
    expect(isResizable('https://assets.imgix.net/x.jpg')).toBe(true);
  });

  it('asks for JPEG when the type must be known, and then the type is known', () => {
    const url = resizedImage(UNSPLASH, { width: 1200, height: 600, jpeg: true });
    expect(new URL(url).searchParams.get('auto')).toBeNull();
    expect(imageType(url)).toBe('image/jpeg');
    expect(imageType(UNSPLASH)).toBeUndefined();
  });

  it('adds a Cloudinary transformation after upload/', () => {
    expect(resizedImage(CLOUDINARY, { width: 400, height: 200 })).toBe(
      'https://res.cloudinary.com/demo/image/upload/c_fill,w_400,h_200/v1690000000/briefs/chart.png',
    );
    expect(imageType(resizedImage(CLOUDINARY, { width: 1, height: 1, jpeg: true }))).toBe('image/jpeg');
    expect(imageType(CLOUDINARY)).toBe('image/png');
  });

  it('leaves other hosts and site paths as they are', () => {
    for (const src of ['https://cdn.example.org/media/98765', '/covers/welcome.svg', 'https://example.org/a.jpg?w=5']) {
      expect(isResizable(src)).toBe(false);
      expect(resizedImage(src, { width: 800, height: 400 })).toBe(src);
    }
  });

  it('gives covers a 2:1 crop through the loader', () => {
    expect(new URL(coverLoader({ src: UNSPLASH, width: 1600 })).searchParams.get('h')).toBe('800');
  });

  it('reads types from extensions and format parameters, never from a bare path', () => {
    expect(imageType('/covers/welcome.svg')).toBe('image/svg+xml');
    expect(imageType('https://example.org/a/photo.JPEG')).toBe('image/jpeg');
    expect(imageType('https://example.org/a.webp?x=1')).toBe('image/webp');
    expect(imageType('https://images.unsplash.com/photo-1677442136019?fm=png')).toBe('image/png');
    expect(imageType('https://cdn.example.org/media/98765')).toBeUndefined();
    expect(imageType('https://example.org/file.bin')).toBeUndefined();
  });
});
