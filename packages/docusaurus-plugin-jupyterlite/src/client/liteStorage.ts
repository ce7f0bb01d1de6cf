// JupyterLite keeps browser-side files and settings in IndexedDB through
// localforage: database "JupyterLite Storage - <lite base path>", object
// stores "files" (key = path, value = a contents model) and "settings" (key =
// plugin id, value = JSON5 text). Writing there from the docs page (same
// origin) is how a page hands JupyterLite a notebook or a theme without a
// server. Pinned to jupyterlite-core 0.8.x; an e2e test guards it.

function storageName(liteUrl: string): string {
  return `JupyterLite Storage - ${liteUrl}`;
}

function request<T>(req: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** Opens the lite database, adding `store` when JupyterLite has not created it yet. */
async function openStore(liteUrl: string, store: string): Promise<IDBDatabase> {
  const name = storageName(liteUrl);
  const open = indexedDB.open(name);
  open.onupgradeneeded = () => open.result.createObjectStore(store);
  const db = await request<IDBDatabase>(open);
  if (db.objectStoreNames.contains(store)) return db;
  const version = db.version + 1;
  db.close();
  const upgrade = indexedDB.open(name, version);
  upgrade.onupgradeneeded = () => upgrade.result.createObjectStore(store);
  return request<IDBDatabase>(upgrade);
}

async function put(liteUrl: string, store: string, key: string, value: unknown): Promise<void> {
  const db = await openStore(liteUrl, store);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Stores a notebook in the reader's JupyterLite files, at `name` (top folder). */
export function saveNotebook(liteUrl: string, name: string, notebook: object): Promise<void> {
  const now = new Date().toISOString();
  return put(liteUrl, 'files', name, {
    name,
    path: name,
    type: 'notebook',
    format: 'json',
    mimetype: 'application/x-ipynb+json',
    content: notebook,
    size: JSON.stringify(notebook).length,
    writable: true,
    created: now,
    last_modified: now,
  });
}

/** Makes `theme` the JupyterLab theme the lite apps start with. */
export function saveTheme(liteUrl: string, theme: string): Promise<void> {
  return put(liteUrl, 'settings', '@jupyterlab/apputils-extension:themes', JSON.stringify({theme}));
}
