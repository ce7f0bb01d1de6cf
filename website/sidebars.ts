import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  docs: [
    'getting-started',
    'authoring',
    'tutorial-myst',
    'doctest-examples',
    'outputs',
    'your-work',
    'packages',
    'robustness',
    'configuration',
    'executing-at-build',
    'checking-examples',
    'other-mdx-sites',
    'jupyterlite',
  ],
};

export default sidebars;
