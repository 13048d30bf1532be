import type { GetStaticPaths, GetStaticProps } from 'next';
import { ListPage } from '@/components/ListPage';
import { monthPage, monthPaths, propsOrNotFound } from '@/lib/pages';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: monthPaths(), fallback: false });

export const getStaticProps: GetStaticProps = ({ params = {} }) =>
  propsOrNotFound(monthPage(String(params.year), String(params.month)));

export default ListPage;
