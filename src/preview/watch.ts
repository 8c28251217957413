import {watch, type FSWatcher} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'

/** A folder to watch; `recursive` for the project, not for the built-in theme's flat folders. */
export interface WatchTarget {
  dir: string
  recursive: boolean
}

export interface Watcher {
  close(): void
}

/**
 * True for paths no rebuild needs: build output (`dist/`), dependencies, hidden files and folders
 * (`.git`, `.print`, vim's `.x.md.swp`, emacs's `.#x.md` locks) and editors' temporary files
 * (`x.md~`, `#x.md#`, vim's `4913` probe, `*.tmp`). `relative` uses `/` or the platform separator.
 */
export function isIgnoredPath(relative: string): boolean {
  const parts = relative.split(/[\\/]/u).filter(Boolean)
  if (parts.length === 0) return true
  if (parts[0] === 'dist' || parts.includes('node_modules')) return true
  if (parts.some((part) => part.startsWith('.'))) return true
  const name = parts.at(-1)!
  return name.endsWith('~') || /^#.*#$/u.test(name) || name === '4913' || /\.(swp|swx|tmp|crswap)$/iu.test(name)
}

/**
 * Watch folders and call `onChange` with the absolute paths that changed, once things have been
 * quiet for `debounceMs`: an editor's save is often several events (truncate, write, rename), and
 * one rebuild should see the finished file. Resolves once every folder is watched.
 *
 * Not `fs.watch(dir, {recursive: true})`: on Linux, Node 20 implements it with one watch per
 * file, which loses a file as soon as an editor saves it by renaming a temporary file over it
 * (vim, JetBrains "safe write", `sed -i`): later saves go unseen. A watch on each folder sees
 * every change to the names in it, whatever the inode; new folders get their own watch.
 * Watch errors (inotify limits) go to `onError` and do not stop the other watches.
 */
export async function watchFolders(targets: readonly WatchTarget[], onChange: (files: string[]) => void, options: {debounceMs: number; onError: (error: Error) => void}): Promise<Watcher> {
  const watchers = new Map<string, FSWatcher>()
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let closed = false
  const changed = (file: string) => {
    pending.add(file)
    clearTimeout(timer)
    timer = setTimeout(flush, options.debounceMs)
  }
  const flush = () => {
    timer = undefined
    const files = [...pending]
    pending.clear()
    if (files.length > 0 && !closed) onChange(files)
  }

  const watchFolder = (folder: string, target: WatchTarget) => {
    // A folder deleted and created again needs a new watch: replace any old one.
    watchers.get(folder)?.close()
    try {
      const watcher = watch(folder, (_event, name) => {
        // Some platforms give no name: then something in the folder changed; a rebuild rereads it.
        const file = name ? path.join(folder, String(name)) : folder
        const relative = path.relative(target.dir, file)
        if (relative !== '' && isIgnoredPath(relative)) return
        changed(file)
        if (target.recursive && name) void watchTree(file, target, true)
      })
      watcher.on('error', (error: NodeJS.ErrnoException) => {
        watcher.close()
        if (watchers.get(folder) === watcher) watchers.delete(folder)
        // A watched folder that was removed is not a problem worth a warning.
        if (error.code !== 'ENOENT' && error.code !== 'EPERM') options.onError(error)
      })
      watchers.set(folder, watcher)
    } catch (error) {
      options.onError(error as Error)
    }
  }

  /**
   * Watch `folder` and the folders under it that are not ignored. For a folder that just appeared
   * (`isNew`), its files count as changed: they may have been written before its watch started.
   */
  const watchTree = async (folder: string, target: WatchTarget, isNew = false): Promise<void> => {
    const info = await stat(folder).catch(() => undefined)
    if (closed || !info?.isDirectory()) return
    watchFolder(folder, target)
    if (!target.recursive) return
    const entries = await readdir(folder, {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      const child = path.join(folder, entry.name)
      if (isIgnoredPath(path.relative(target.dir, child))) continue
      if (entry.isDirectory()) await watchTree(child, target, isNew)
      else if (isNew) changed(child)
    }
  }

  for (const target of targets) await watchTree(target.dir, target)
  return {
    close() {
      closed = true
      clearTimeout(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
