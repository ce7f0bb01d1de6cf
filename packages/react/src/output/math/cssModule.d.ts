// Stylesheets imported for their side effect (bundlers load them); see katexStylesheet.ts.
declare module '*.css';
