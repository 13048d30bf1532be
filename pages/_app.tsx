import type { AppProps } from 'next/app';
import Head from 'next/head';
import { SiteChrome } from '@/components/SiteChrome';
import '../app/globals.css';

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <SiteChrome>
        <Component {...pageProps} />
      </SiteChrome>
    </>
  );
}
