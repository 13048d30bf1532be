import type { GetStaticPaths, GetStaticProps } from 'next';
import { ListPage } from '@/components/ListPage';
import { propsOrNotFound, termPage, termPagePaths } from '@/lib/pages';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: termPagePaths('tags'), fallback: false });

export const getStaticProps: GetStaticProps = ({ params = {} }) =>
  propsOrNotFound(termPage('tags', String(params.term), String(params.page)));

export default ListPage;
