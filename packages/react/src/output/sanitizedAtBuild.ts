/** Metadata flag of text/html sanitized when the site was built (C9), with the same sanitizer config under jsdom. */
export const SANITIZED_AT_BUILD = 'pyodocs:sanitized';
