import {defineRule} from '../rule.js'

/** The config of the examples: the base project's, with raw HTML allowed. */
const allowed = 'title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\ncheck: {html: true}\n'

export const rawHtml = defineRule({
  id: 'raw-html',
  severity: 'error',
  summary: 'Raw HTML is refused unless the project opts in with `check.html: true`; even then, no scripts, styles or frames.',
  docs: `Raw HTML bypasses the format: it is not checked, not accessible by construction and not
paginated predictably. Use Markdown or a directive instead. HTML comments (\`<!-- … -->\`) are allowed:
they are notes for writers and never printed.

A project that needs HTML sets \`check: {html: true}\`: its HTML, and Pandoc's raw blocks
\`\`\`{=html}\`, are then printed in both editions,
read as a browser reads it (an inline \`<b>\`, its text and \`</b>\` make one element). Still left
out, and reported here: elements that would run code, load another page or restyle the whole report
(\`<script>\`, \`<style>\`, \`<iframe>\`, \`<object>\`, \`<embed>\`, \`<form>\`, \`<link>\`, \`<meta>\`,
\`<base>\`, \`<title>\`, \`<template>\`, \`<noscript>\`), event attributes (\`onclick\`…) and
\`javascript:\` addresses. Styles belong in the theme ([Designers](../designers.md)). A link or an
image whose address is a file of your computer is printed as its text, as in Markdown (\`local-link\`).`,
  examples: {
    ok: [
      {'chapters/intro.md': 'Texte [@enquete-2024] :term[sextorsion].\n\n<!-- note pour la relecture -->\n'},
      {'rapporteur.yaml': allowed, 'chapters/intro.md': 'Texte <span lang="en">in English</span> [@enquete-2024] :term[sextorsion].\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'Texte <span style="color:red">rouge</span> [@enquete-2024] :term[sextorsion].\n'},
      {'rapporteur.yaml': allowed, 'chapters/intro.md': 'Texte <a href="https://example.org" onclick="suivre()">lien</a> [@enquete-2024] :term[sextorsion].\n\n<script src="https://example.org/stats.js"></script>\n'}
    ]
  },
  check({model, report}) {
    if (!model.config.check.html) {
      // A ```{=html} block is reported by unsupported-syntax, with Pandoc's other raw blocks.
      for (const html of model.html) {
        if (html.fenced) continue
        const fate = html.block ? 'the block is left out of both editions, its text with it' : 'its tags are left out, the text between them kept'
        report(html, `Unexpected raw HTML, expected Markdown or a directive (or \`check.html: true\` in rapporteur.yaml): ${fate}`)
      }
      return
    }
    for (const fact of model.html.flatMap((html) => html.facts)) {
      if (fact.kind === 'refused-element') report(fact, `Unexpected \`<${fact.name}>\` in raw HTML, expected content (text, images, links): scripts, styles, frames and forms are left out of the report, styles belong in the theme`)
      else if (fact.kind === 'event-attribute') report(fact, `Unexpected event attribute \`${fact.name}\` in raw HTML, expected none: the report runs no code of its own, the attribute is left out`)
      else if (fact.kind === 'script-address') report(fact, `Unexpected address \`${fact.name}\` in raw HTML, expected a web address or \`#id\`: the report runs no code of its own, the address is left out`)
    }
  }
})
