/** What a session name may contain (meta `session=` and front matter). */
export const SESSION_NAME = /^[A-Za-z0-9_.:-]+$/;
export const SESSION_NAME_CHARS = 'letters, digits, "-", "_", "." and ":"';

/** What an explicit cell id may contain (it ends up in DOM ids and URLs). */
export const CELL_ID = /^[A-Za-z0-9_-]+$/;
export const CELL_ID_CHARS = 'letters, digits, "-" and "_"';
