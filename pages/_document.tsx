// The document around the Pages Router routes (articles and paged lists, see README): the same
// <html>, <head> and <body> as app/layout.tsx gives the App Router's pages.
import { Head, Html, Main, NextScript } from 'next/document';
import { ThemeScript } from '@/components/ThemeScript';
import { site } from '@/lib/site';

export default function Document() {
  return (
    <Html lang={site.language}>
      <Head>
        {site.themeColors.map(({ media, color }) => (
          <meta key={media} name="theme-color" content={color} media={media} />
        ))}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        <ThemeScript />
      </Head>
      <body className="flex min-h-screen flex-col font-sans">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
