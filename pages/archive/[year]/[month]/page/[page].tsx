import type { GetStaticPaths, GetStaticProps } from 'next';
import { ListPage } from '@/components/ListPage';
import { monthPage, monthPagePaths, propsOrNotFound } from '@/lib/pages';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: monthPagePaths(), fallback: false });

export const getStaticProps: GetStaticProps = ({ params = {} }) =>
  propsOrNotFound(monthPage(String(params.year), String(params.month), String(params.page)));

export default ListPage;
