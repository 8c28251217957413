import {editionPageOf, isLocalAddress} from '../../model/address.js'
import {editionOutputs} from '../../model/schemas/config.js'
import {defineRule} from '../rule.js'

export const localLink = defineRule({
  id: 'local-link',
  severity: 'warning',
  summary: 'Links lead to the web or into the report: a link to a file on this computer is printed as text.',
  docs: `The report is published as its HTML and PDF files, without the files around it: a link to
\`annexe.pdf\`, \`../données/tableau.xlsx\` or \`file:///C:/Users/…\` would lead nowhere in the HTML,
and Chromium would write it into the PDF as the full path of the file on the computer that built
it. So the build prints such a link's text without the link, and \`check\` says so at the link.
Put the file online and link to its address (\`https://…\`), or point at a part of the report
(\`#id\`, \`:ref[#id]\`). The files the build publishes side by side are the exception: a link to an
edition's page (\`[le rapport complet](rapport.html)\`, \`synthese.pdf\`, the names \`output:\` gives) leads
there on the web, and prints as its text on paper. Images are another matter: the build copies the files they name. A source whose
address (\`url:\` in \`sources.yaml\`, \`URL\` in CSL-JSON, \`url\` in BibTeX) is such a path is reported
too: the bibliography prints the address as written. With \`check.html: true\`, the same goes for raw
HTML's \`<a href>\`, and for its \`<img src>\`, whose file the build does not copy: its alternative
text is printed instead; write the image in Markdown. Any other file raw HTML loads (a \`<video>\`,
its \`poster\`, a \`srcset\`, a \`url()\` in a \`style\`) is reported too: it would be missing.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir [le rapport](https://example.org/rapport.pdf), [la méthode](#introduction), [sa version PDF](rapport.pdf) et [nous écrire](mailto:contact@example.org).\n'}],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir [l’annexe](annexe.pdf).\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir [le tableau][t].\n\n[t]: file:///C:/Users/moi/tableau.xlsx\n'},
      {'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête nationale\n  author: Observatoire\n  date: 2024\n  url: file:///home/moi/enquete.pdf\n'},
      {
        'rapporteur.yaml': 'title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\ncheck: {html: true}\n',
        'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir <a href="annexe.pdf">l’annexe</a>.\n\n<img src="carte.png" alt="Carte des signalements">\n\n<video src="entretien.mp4"></video>\n'
      }
    ]
  },
  check({model, report}) {
    const outputs = editionOutputs(model.config)
    for (const link of model.links) {
      // `rapport.html`, `synthese.pdf`: a file the build publishes beside the page.
      if (!isLocalAddress(link.url) || editionPageOf(link.url, outputs) !== undefined) continue
      report(link, `Unexpected link to the file \`${link.url}\`, expected a web address (\`https://…\`) or a place in the report (\`#id\`): the report is published without it, so its text is printed without the link`)
    }
    // Raw HTML is printed only with `check.html: true` (else raw-html refuses it), and its links as Markdown's.
    if (model.config.check.html) {
      for (const fact of model.html.flatMap((html) => html.facts)) {
        if (fact.kind === 'local-link') report(fact, `Unexpected link to the file \`${fact.name}\`, expected a web address (\`https://…\`) or a place in the report (\`#id\`): the report is published without it, so its text is printed without the link`)
        else if (fact.kind === 'local-image') report(fact, `Unexpected image \`${fact.name}\` in raw HTML, expected Markdown, \`![alternative text](${fact.name})\`, whose file the build copies: its alternative text is printed instead`)
        else if (fact.kind === 'local-resource') report(fact, `Unexpected file \`${fact.name}\` loaded by raw HTML, expected an image in Markdown (\`![…](${fact.name})\`) or a web address to link to: the build copies only the images Markdown names, so it would be missing from both editions`)
      }
    }
    // A source's address is printed as written in the bibliography, a path of this computer with it.
    for (const entry of model.sources) {
      const url = entry.value.csl.URL
      if (typeof url !== 'string' || !isLocalAddress(url)) continue
      report({file: entry.file, position: entry.fields.url ?? entry.fields.URL ?? entry.position}, `Unexpected address \`${url}\` of the source \`${entry.value.id}\`, expected its web address (\`https://…\`): the bibliography would print this path of your computer`)
    }
  }
})
