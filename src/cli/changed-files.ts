import {execFile} from 'node:child_process'

/**
 * The files a GitHub pull request changed, as paths from the repository root, for
 * `--format github` to annotate first; `undefined` when that cannot be known cheaply.
 *
 * Only in a pull request's run (`GITHUB_BASE_REF` set, read from `env`) and only from what the
 * clone already holds: `git diff --name-only origin/BASE...HEAD`, in this process's environment,
 * without renames (finding them reads the files' contents, which a partial clone would fetch) and
 * with git's lazy fetching turned off. When git is not installed, the base branch was not fetched
 * (`actions/checkout`'s default depth of 1), the histories share no commit, or git takes more than
 * a few seconds, nothing is said and the annotations are chosen without it.
 */
export async function changedFiles(root: string | undefined, env: NodeJS.ProcessEnv): Promise<ReadonlySet<string> | undefined> {
  const base = env.GITHUB_BASE_REF
  if (root === undefined || !base) return undefined
  const args = ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--no-ext-diff', '-z', `origin/${base}...HEAD`, '--']
  return new Promise((resolve) => {
    execFile('git', args, {cwd: root, timeout: 5000, maxBuffer: 16 * 1024 * 1024, env: {...process.env, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0'}}, (error, stdout) => {
      resolve(error ? undefined : new Set(stdout.split('\0').filter(Boolean)))
    })
  })
}
