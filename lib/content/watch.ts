// What changed in a content folder, from the operating system's notifications: one watch per folder
// (Node's recursive watch on Linux would open one per file and stat each, 100,000 of them for a large
// archive), so a change costs a look at that one file, never at the whole folder. Notifications can be
// lost (a network mount sends none, a queue can overflow): the watch then says it is not to be trusted,
// and live.ts's periodic full look is what finds changes.
import { type FSWatcher, statSync, watch } from 'node:fs';
import path from 'node:path';
import { entriesUnder } from '../files.mjs';

/** Folders no article lives in: the system's (`.git`) and the site's own (`_drafts` and the like, except profiles). */
const unwatched = (name: string) => name.startsWith('.') || (name.startsWith('_') && name !== '_authors');

export class FolderWatch {
  readonly #root: string;
  readonly #onChange: () => void;
  readonly #watchers = new Map<string, FSWatcher>();
  #changed = new Set<string>();
  /** A notification was lost, or a folder appeared: only a full look can say what changed. */
  #lost = false;
  #failed = false;

  /** Watches `root` and every folder below it; `onChange` is called (often) as files change. */
  constructor(root: string, onChange: () => void) {
    this.#root = root;
    this.#onChange = onChange;
    this.#watchTree(root);
  }

  /** False once a folder could not be watched, the content folder itself included: start a new watch. */
  get working(): boolean {
    return !this.#failed && this.#watchers.has(this.#root);
  }

  /** The paths changed since the last call, or `'unknown'` when only a full look can tell. */
  take(): Set<string> | 'unknown' {
    const changed = this.#changed;
    const lost = this.#lost || this.#failed;
    this.#changed = new Set();
    this.#lost = false;
    return lost ? 'unknown' : changed;
  }

  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }

  #watchTree(folder: string) {
    this.#watchFolder(folder);
    let entries: ReturnType<typeof entriesUnder>;
    try {
      entries = entriesUnder(folder, { skip: ({ name }) => unwatched(name) });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.directory && !unwatched(entry.name)) this.#watchFolder(entry.path);
  }

  #watchFolder(folder: string) {
    if (this.#watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => this.#noticed(folder, name));
      watcher.on('error', () => this.#fail(folder));
      this.#watchers.set(folder, watcher);
    } catch {
      // A folder that vanished meanwhile is no loss; one that cannot be watched is.
      this.#fail(folder);
    }
  }

  #noticed(folder: string, name: string | Buffer | null) {
    if (name === null) {
      this.#lost = true;
    } else {
      const changed = path.join(folder, String(name));
      this.#changed.add(changed);
      if (isFolder(changed) && !unwatched(path.basename(changed))) {
        // A new folder may already hold files, written before its watch began.
        this.#watchTree(changed);
        this.#lost = true;
      } else if (this.#watchers.has(changed)) {
        // A watched folder went away, or was renamed: its files went with it.
        this.#watchers.get(changed)?.close();
        this.#watchers.delete(changed);
        this.#lost = true;
      }
    }
    this.#onChange();
  }

  #fail(folder: string) {
    this.#watchers.get(folder)?.close();
    this.#watchers.delete(folder);
    // The root itself going away is a change a full look names (a missing folder), not a failed watch.
    if (folder === this.#root) this.#lost = true;
    else this.#failed = true;
    this.#onChange();
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
