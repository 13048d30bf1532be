import type { GetStaticPaths, GetStaticProps } from 'next';
import { ListPage } from '@/components/ListPage';
import { homePage, homePaths, propsOrNotFound } from '@/lib/pages';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: homePaths(), fallback: false });

export const getStaticProps: GetStaticProps = ({ params = {} }) => propsOrNotFound(homePage(String(params.page)));

export default ListPage;
