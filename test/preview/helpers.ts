import {cp, mkdtemp, rm} from 'node:fs/promises'
import {request} from 'node:http'
import os from 'node:os'
import path from 'node:path'

const report = path.join(import.meta.dirname, '../../report')

/** A temporary copy of the sample report, without its build output. */
export async function copyReport(): Promise<{root: string; dir: string; remove(): Promise<void>}> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-preview-'))
  const dir = path.join(root, 'report')
  await cp(report, dir, {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
  return {root, dir, remove: () => rm(root, {recursive: true, force: true})}
}

/**
 * A GET with the request target sent exactly as written: fetch() and the URL class would resolve
 * `/../x` before sending it, and the point is to see what the server does with it.
 */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const outgoing = request({host: '127.0.0.1', port, path: target, method, headers, agent: false}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}
