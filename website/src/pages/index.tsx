import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';

export default function Home(): ReactNode {
  return (
    <Layout description="Runnable Python in your Docusaurus docs">
      <main className="container margin-vert--xl">
        <h1>pyodocs</h1>
        <p>
          Python examples your readers can run, edit and explore, in their own browser — with one plugin entry in{' '}
          <code>docusaurus.config.ts</code>.
        </p>
        <Link className="button button--primary" to="/docs/getting-started">
          Get started
        </Link>
      </main>
    </Layout>
  );
}
