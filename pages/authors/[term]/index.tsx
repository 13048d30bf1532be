import type { GetStaticPaths, GetStaticProps } from 'next';
import { ListPage } from '@/components/ListPage';
import { propsOrNotFound, termPage, termPaths } from '@/lib/pages';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: termPaths('authors'), fallback: false });

export const getStaticProps: GetStaticProps = ({ params = {} }) =>
  propsOrNotFound(termPage('authors', String(params.term)));

export default ListPage;
