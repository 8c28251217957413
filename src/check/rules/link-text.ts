import {defineRule} from '../rule.js'

/**
 * Link texts that say nothing of where a link leads, by language, as they are read once
 * lowercased, with their punctuation and extra spaces gone (`Cliquez ici !` → `cliquez ici`).
 */
const vague: Record<string, ReadonlySet<string>> = {
  fr: new Set(['ici', 'là', 'cliquez ici', 'cliquer ici', 'clique ici', 'cliquez', 'ce lien', 'le lien', 'lien', 'en savoir plus', 'pour en savoir plus', 'savoir plus', 'lire la suite', 'la suite', 'suite', 'plus', 'voir', 'voir ici', 'cette page', 'page', 'ce site', 'site', 'ce document', 'document', 'télécharger', 'lire', 'consulter', 'en ligne', 'lien ici']),
  en: new Set(['here', 'click here', 'click', 'this link', 'link', 'more', 'read more', 'learn more', 'see more', 'more info', 'more information', 'this page', 'page', 'website', 'this', 'download', 'details', 'see here', 'online', 'link here'])
}

export const linkText = defineRule({
  id: 'link-text',
  severity: 'warning',
  summary: 'A link’s text must say where it leads: not “ici”, “click here” or nothing.',
  docs: `Screen-reader users move through a page by its links, and hear each link's text alone: "ici,
ici, en savoir plus" says nothing of where each leads (WCAG 2.4.4, Link Purpose). On paper the
text is all there is of a link. So a link whose whole text is one of the phrases that say
nothing, in French or English (\`ici\`, \`cliquez ici\`, \`ce lien\`, \`en savoir plus\`, \`lire la suite\`,
\`here\`, \`click here\`, \`read more\`…), is reported, and so is a link with no text at all
(\`[](https://…)\`), which prints nothing. Write what the link leads to: \`[le rapport 2024 de
l’Arcom](https://…)\`. Links into the report and links whose text is the address itself are
never reported. The language is the report's (\`lang:\` in rapporteur.yaml).`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir [le rapport 2024 de l’Arcom](https://example.org/rapport), <https://example.org> et [ici](#intro).\n'}],
    notOk: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : voir [ici](https://example.org/rapport) ou [En savoir plus…](https://example.org/plus), et [](https://example.org).\n'}]
  },
  check({model, report}) {
    // `fr-CA` → `fr`; a language without a list is read with the English one.
    const phrases = vague[model.config.lang.split('-')[0]!.toLowerCase()] ?? vague.en!
    for (const link of model.links) {
      if (link.url.startsWith('#')) continue
      const text = link.text.toLowerCase().replace(/[’']/gu, "'").replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim()
      if (text === '' && link.text.trim() === '') report(link, `Unexpected link to \`${link.url}\` without text, expected words that say where it leads: a screen reader reads the address, and the printed page shows nothing`)
      else if (phrases.has(text)) report(link, `Unexpected link text \`${link.text.trim()}\`, expected words that say where it leads (the document's or the page's name): screen readers list a page's links by their text alone, and the printed page shows only the text`)
    }
  }
})
