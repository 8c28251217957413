#!/usr/bin/env node
/**
 * Deterministic generator of report projects that print to a given number of A4 pages, for the
 * build benchmark (bench/build.js). It reuses the vocabulary and sentence templates of
 * bench/generate.js, but lays every chapter out the same way, so that the page count grows with
 * the number of chapters and nothing else:
 *
 *   # Chapitre N : …           one intro paragraph, then `##` sections of prose paragraphs (figures
 *                              cited with `[@key]` or covered by a footnote `[^n]` whose definition
 *                              cites a source; `:term[…]`, `:ref[#…]`, years, dates, legal refs);
 *                              spread through the chapter, exactly one GFM table (with a "Source :"
 *                              caption), one `:::viewpoint`, one bulleted and one numbered list,
 *                              two `:::stat` and one `:::recommendation`;
 *   # Glossaire                `::glossary`, last chapter of the full edition.
 *
 * No figure is left uncited: `rapporteur check` reports no errors (and no warnings: every source
 * and every glossary term is used). Same options → byte-identical output (seeded PRNG).
 *
 *   node bench/generate-build.js [--out DIR] [--pages 100] [--seed 20260301]
 *   node bench/generate-build.js [--out DIR] --chapters 10 [--chapter-kb 12]
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {capitalize, ChapterWriter, generatorOptions, makeGlossary, makeRandom, makeSources, projectConfig, wrap} from './generate.js'

/**
 * Chapters per target page count, tuned by building them (see bench/README.md): a chapter of
 * ~12 KB of Markdown (about 55 citations, most of them footnotes in print) prints to about 6.6 A4
 * pages, blank right-hand chapter starts included; the cover, table of contents and glossary add
 * about 8. Measured: 3 chapters → 28 pages, 14 → 98, 44 → 290.
 */
export const PRESETS = {
  30: {chapters: 3, chapterKb: 12},
  100: {chapters: 14, chapterKb: 12},
  300: {chapters: 44, chapterKb: 12}
}

const CHAPTER_THEMES = [
  'la détection des contenus générés', 'la prévention à l’école', 'l’accompagnement des victimes', 'la réponse pénale', 'la régulation des plateformes',
  'la coopération internationale', 'la formation des professionnels', 'la parole des enfants', 'les usages numériques des familles', 'la recherche et l’évaluation'
]
const SECTION_TITLES = [
  'Un phénomène en expansion', 'Ce que disent les données', 'Les réponses existantes', 'Des angles morts persistants', 'Le point de vue des professionnels',
  'Les limites du cadre actuel', 'Des comparaisons internationales', 'Les attentes des familles', 'Le rôle des plateformes', 'Des moyens à la hauteur'
]

/** One chapter: prose to `targetBytes`, with the fixed blocks spread evenly through it. */
function writeChapter(writer, targetBytes) {
  const r = writer.r
  const fixed = [() => writer.list(false), () => writer.stat(), () => writer.table(), () => writer.viewpoint(), () => writer.list(true), () => writer.recommendation(), () => writer.stat()]
  const theme = CHAPTER_THEMES[writer.index % CHAPTER_THEMES.length]
  const parts = [`---\nid: ${writer.id}\n---`, `# Chapitre ${writer.index + 1} : ${capitalize(theme)}`, writer.paragraph()]
  let size = parts.join('\n\n').length
  let next = 0
  let sectionBlocks = 0
  const push = (block) => {
    parts.push(block)
    size += block.length + 2
  }
  while (size < targetBytes || next < fixed.length) {
    if (sectionBlocks === 0 || (sectionBlocks > 5 && r.chance(0.2))) {
      push(`## ${r.pick(SECTION_TITLES)}`)
      sectionBlocks = 1
      continue
    }
    if (sectionBlocks > 3 && r.chance(0.06)) push(`### ${r.pick(SECTION_TITLES)}`)
    // The k-th fixed block goes in once the chapter is k/(n+1) of its target size.
    if (next < fixed.length && size >= (targetBytes * (next + 1)) / (fixed.length + 1)) push(fixed[next++]())
    else push(writer.paragraph())
    sectionBlocks++
  }
  if (writer.footnotes.length) parts.push(writer.footnotes.join('\n'))
  writer.ctx.refTargets.push(writer.id, ...writer.ctx.newTargets)
  writer.ctx.newTargets = []
  return parts.join('\n\n') + '\n'
}

/**
 * Generate the project into `dir` (wiped first). `pages` picks a preset (30, 100, 300); or give
 * `chapters` and `chapterKb`. Returns {dir, markdownBytes, files, chapters, sources, terms}.
 */
export function generateBuildProject({dir = join(tmpdir(), 'rapporteur-bench-build'), pages, chapters, chapterKb, sources: sourceCount, seed = 20260301} = {}) {
  // Other page counts: ~6.6 pages a chapter, plus ~8 for the cover, contents and glossary.
  const preset = PRESETS[pages ?? 100] ?? {chapters: Math.max(1, Math.round(((pages ?? 100) - 8) / 6.6)), chapterKb: 12}
  chapters ??= preset.chapters
  chapterKb ??= preset.chapterKb
  sourceCount ??= Math.min(320, Math.max(20, chapters * 12))
  const r = makeRandom(seed)
  const sources = makeSources(r, sourceCount)
  const glossary = makeGlossary(r)
  const ctx = {sources, glossary, nextUnused: 0, nextTerm: 0, refTargets: [], newTargets: [], uncitedRate: 0}

  rmSync(dir, {recursive: true, force: true})
  mkdirSync(join(dir, 'chapters'), {recursive: true})

  const chapterFiles = []
  let markdownBytes = 0
  const write = (name, text) => {
    writeFileSync(join(dir, name), text)
    markdownBytes += Buffer.byteLength(text)
  }
  for (let i = 0; i < chapters; i++) {
    const writer = new ChapterWriter(r, ctx, i)
    const target = Math.round(chapterKb * 1024 * (0.9 + r.next() * 0.2))
    const name = `chapters/${String(i + 1).padStart(3, '0')}-${writer.id}.md`
    write(name, writeChapter(writer, target))
    chapterFiles.push(name)
  }
  // Any source or term the prose did not reach yet (tiny projects): one closing paragraph uses them.
  const leftovers = []
  while (ctx.nextUnused < sources.length) leftovers.push(`[@${sources[ctx.nextUnused++].id}]`)
  const unusedTerms = glossary.slice(ctx.nextTerm).map((entry) => `:term[${entry.term}]`)
  const glossaryChapter = [
    '---\nid: glossaire\n---',
    '# Glossaire',
    wrap(`Les définitions qui suivent expliquent les principaux termes employés dans ce rapport${unusedTerms.length ? `, dont ${unusedTerms.join(', ')}` : ''}${leftovers.length ? ` ${leftovers.join(' ')}` : ''}.`),
    '::glossary'
  ].join('\n\n') + '\n'
  write('chapters/glossaire.md', glossaryChapter)
  chapterFiles.push('chapters/glossaire.md')

  const synthesis = [
    '# Synthèse',
    wrap(`Ce rapport réunit les constats de nombreux chapitres sur la protection des mineurs face à l’:term[IA générative] [@${sources[0].id}].`),
    '## Les chiffres clés',
    '::keyfigures',
    '## Nos recommandations',
    '::recommendations'
  ].join('\n\n') + '\n'
  write('synthese.md', synthesis)

  const config = projectConfig({header: `Projet généré par bench/generate-build.js (seed ${seed}, ${chapters} chapitres de ${chapterKb} Ko)`, subtitle: "Rapport de référence pour le banc d'essai de la mise en page", chapterFiles})
  writeFileSync(join(dir, 'rapporteur.yaml'), config)
  writeFileSync(join(dir, 'sources.yaml'), `# ${sources.length} sources générées.\n\n${sources.map((s) => s.yaml).join('\n\n')}\n`)
  writeFileSync(join(dir, 'glossary.yaml'), `${glossary.map((g) => g.yaml).join('\n\n')}\n`)

  return {dir, markdownBytes, files: [...chapterFiles, 'synthese.md'], chapters, sources: sources.length, terms: glossary.length}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = generateBuildProject(generatorOptions(process.argv.slice(2), ['pages', 'chapters', 'chapter-kb', 'sources', 'seed']))
  console.log(`${result.dir}: ${result.files.length} Markdown files (${result.chapters} chapters + glossary + synthesis), ${(result.markdownBytes / 1024).toFixed(0)} KB of Markdown, ${result.sources} sources, ${result.terms} terms`)
}
