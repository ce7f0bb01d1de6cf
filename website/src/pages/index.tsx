/// <reference types="@pyodocs/docusaurus-plugin/theme-types" />
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import PythonCell from '@theme/PythonCell';
import styles from './index.module.css';

// A live cell written in TSX rather than MDX: the same theme component the
// remark plugin emits for a ```python run fence, with the site's highlighted
// block as its static code. Nothing of Pyodide loads until the reader acts.
const DEMO_CODE = `from collections import Counter

text = "the reader runs the code the reader reads"
Counter(text.split()).most_common(3)`;

export default function Home(): ReactNode {
  return (
    <Layout description="Runnable Python in your Docusaurus docs: readers edit and run examples in their own browser, with Pyodide.">
      <header className={styles.hero}>
        <div className={`container ${styles.column}`}>
          <Heading as="h1" className={styles.title}>
            pyodocs
          </Heading>
          <p className={styles.tagline}>Runnable Python in your Docusaurus docs, in the reader’s browser.</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/getting-started">
              Get started
            </Link>
            <Link className="button button--secondary button--lg" to="/docs/outputs">
              Outputs gallery
            </Link>
          </div>
        </div>
      </header>

      <main className={`container ${styles.column}`}>
        <section className={styles.section} aria-labelledby="what-it-does">
          <Heading as="h2" id="what-it-does">
            What it does
          </Heading>
          <ol className={styles.points}>
            <li>
              Mark a Python fence <code>run</code> and it becomes a <strong>live cell</strong>: readers edit the code
              and run it where they read it.
            </li>
            <li>
              Python runs in the reader’s browser, in <Link href="https://pyodide.org">Pyodide</Link> (CPython compiled
              to WebAssembly): no server computes anything, your site stays static files.
            </li>
            <li>
              One entry in <code>docusaurus.config.ts</code>: Pyodide ships with your build, and outputs, doctests, MyST
              notebooks and JupyterLite come with it.
            </li>
          </ol>
        </section>

        <section className={styles.section} aria-labelledby="try-it">
          <Heading as="h2" id="try-it">
            Try it
          </Heading>
          <p>
            Click <strong>Run</strong> (the first run downloads Python, about 12 MiB), or click the code to edit it and
            press <kbd>Shift</kbd>+<kbd>Enter</kbd>.
          </p>
          <PythonCell id="home-demo" code={DEMO_CODE} session="home">
            <CodeBlock language="python">{DEMO_CODE}</CodeBlock>
          </PythonCell>
        </section>

        <section className={styles.section} aria-labelledby="compared">
          <Heading as="h2" id="compared">
            Compared with what you have
          </Heading>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone must be reachable by keyboard to be scrolled. */}
          <section className={styles.tableScroll} aria-label="Comparison table" tabIndex={0}>
            <table className={styles.comparison}>
              <thead>
                <tr>
                  <th scope="col">
                    <span className={styles.visuallyHidden}>Question</span>
                  </th>
                  <th scope="col">Docusaurus code block</th>
                  <th scope="col">pyodocs live cell</th>
                  <th scope="col">JupyterLite (with pyodocs)</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Readers edit and run the code</th>
                  <td>No: they copy it</td>
                  <td>Yes, in place, in the page’s notebook-like session</td>
                  <td>Yes, in a full JupyterLab, Notebook or REPL</td>
                </tr>
                <tr>
                  <th scope="row">Where Python runs</th>
                  <td>Nowhere</td>
                  <td>The reader’s browser</td>
                  <td>The reader’s browser, on the same Pyodide</td>
                </tr>
                <tr>
                  <th scope="row">Before a reader acts</th>
                  <td>Highlighted code</td>
                  <td>The same highlighted code, in the static HTML; no Python downloaded</td>
                  <td>A button: nothing loads until clicked</td>
                </tr>
                <tr>
                  <th scope="row">Best for</th>
                  <td>Reference snippets</td>
                  <td>Short examples, tutorials, API docs and their doctests</td>
                  <td>Long-form exploration; “Open in JupyterLite” takes a page along</td>
                </tr>
              </tbody>
            </table>
          </section>
          <p>
            Sphinx sites get interactive examples from the Scientific Python{' '}
            <Link href="https://scientific-python.org/specs/spec-0014/">SPEC 14</Link> tools (jupyterlite-sphinx and
            friends); pyodocs brings the same to Docusaurus, and to any MDX site through its{' '}
            <Link to="/docs/other-mdx-sites">remark plugin and React components</Link>.
          </p>
        </section>
      </main>
    </Layout>
  );
}
