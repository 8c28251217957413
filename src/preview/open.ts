import {spawn} from 'node:child_process'

/** The command that opens a URL in the user's default browser, per platform. */
export function openCommand(url: string, platform: NodeJS.Platform = process.platform): {command: string; args: string[]} {
  if (platform === 'darwin') return {command: 'open', args: [url]}
  // Not `cmd /c start`: cmd re-parses the URL, and `&` in a query string would end the command.
  if (platform === 'win32') return {command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]}
  return {command: 'xdg-open', args: [url]}
}

/**
 * Open `url` in the user's browser, detached: the preview does not wait for the browser and does
 * not die with it. Resolves once the opener started, rejects if it could not be started (no
 * xdg-open on a server): the caller turns that into a warning.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const {command, args} = openCommand(url)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {detached: true, stdio: 'ignore', env})
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
