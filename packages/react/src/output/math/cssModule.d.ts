// Stylesheets imported for their side effect (bundlers load them); see loadKatex.ts.
declare module '*.css';
