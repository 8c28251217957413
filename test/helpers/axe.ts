import {createRequire} from 'node:module'
import type {Page} from 'puppeteer-core'

interface AxeResults {
  violations: Array<{id: string; nodes: Array<{target: string[]}>}>
}

/**
 * Run axe-core in a loaded page and return its violations as readable lines (`rule: selectors`),
 * so a failing test says what to fix. Pages with a strict content security policy need the page
 * opened with `setBypassCSP(true)`: axe is injected as a script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: createRequire(import.meta.url).resolve('axe-core/axe.min.js')})
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<AxeResults>}}).axe
    return axe.run(document, {resultTypes: ['violations']})
  })
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
}
