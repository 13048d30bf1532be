import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ContentNotice } from '@/components/ContentNotice';
import { DevReload } from '@/components/DevReload';
import { SiteChrome } from '@/components/SiteChrome';
import { ThemeScript } from '@/components/ThemeScript';
import { titleTemplate } from '@/lib/metadata';
import { metaContentSecurityPolicy } from '@/lib/server/security-headers.mjs';
import { site } from '@/lib/site';
import './globals.css';
import './outline.css';
import './highlight.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: site.title, template: titleTemplate },
  description: site.description,
};

export const viewport: Viewport = {
  themeColor: [...site.themeColors],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} suppressHydrationWarning>
      <head>
        <meta httpEquiv="Content-Security-Policy" content={metaContentSecurityPolicy} />
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <ContentNotice />
        <SiteChrome>{children}</SiteChrome>
        <DevReload />
      </body>
    </html>
  );
}
