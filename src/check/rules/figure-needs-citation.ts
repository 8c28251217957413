import {defineRule} from '../rule.js'

export const figureNeedsCitation = defineRule({
  id: 'figure-needs-citation',
  severity: 'error',
  summary: 'Every figure in the prose must have a source.',
  docs: `A *figure* is a number in running text that states a fact about the world, the kind a reader
can answer with "says who?": counts (\`100 000 connexions\`, \`12 à 15 000 mineurs\`), percentages
(\`40 %\`, \`moins de 1 %\`), rates and ratios (\`1 sur 5\`), amounts (\`2 millions d'euros\`, \`$2.3bn\`),
rankings (\`5e pays hébergeur\`), changes and multipliers (\`de 250 à 750\`, \`x3\`).

Figures in words count too, French and English: fractions and ratios (\`un enfant sur cinq\`,
\`la moitié des\`, \`deux tiers\`, \`one in five\`, \`half of\`, \`a third of\`), counts and amounts of a
hundred or more (\`douze millions\`, \`trois mille\`, \`twelve million\`, Belgium's and Switzerland's
\`nonante mille\`), percentages (\`vingt pour cent\`, \`septante pour cent\`, \`huitante\`, \`octante\`,
\`nonante-huit pour cent\`, \`four percentage points\`) and multipliers (\`deux fois plus\`, \`twice as many\`, \`twice those\`, \`a doublé\`, \`tripled\`, \`trebled\`, \`tenfold\`, \`by a factor of three\`). Small counts
(\`trois associations\`), ordinals, vague quantities (\`des milliers\`, \`hundreds of\`) and idioms
(\`une fois\`, \`à la fois\`, \`one of the\`, \`half an hour\`, \`un tiers de confiance\`) are not.

Not figures: years and dates (also before a verb in -s: \`the law of 2022 requires\`, \`its report of 2024 calls for\`), clock times (\`14 h 30\`, \`9:45\`, \`9.30am\`, \`2.15 p.m.\`, \`8 o'clock\`; \`18.45\` after
\`at\`, \`after\`, \`before\`, \`until\`, \`from… to\`, and \`the 11.05 to Truro\`, unless a unit follows), numbers
that name a thing after its noun (\`the number 5 bus\`, \`stand 4\`, \`route 42\`, \`ligne 4\`), legal references (\`article 227-23\`, \`loi n° 2024-449\`,
a division of a text or a court: \`point 45\`, \`considérants 5 à 8\`, \`cons. 6\`, \`(al. 2)\`, \`al. 1er\`, \`le 2° de l'article\`,
\`pôle 4\`, \`sous-section 1\`, \`Civ. 1re\`, \`10e et 9e ch. réunies\`, \`para. 45\`, \`Abs. 2\`, \`Rn. 12\`; \`CM/Rec(2018)7\`;
OSCOLA's abbreviations without a full stop, \`s 66(2)\`, \`ss 12 and 13\`, \`reg 4(1)\`, \`cl 36\`, \`art 14\`, \`sch 2\`, \`pt 3\`, \`n 45\`,
\`vol 763, col 712\`, a paragraph pinpoint, \`at [45]\`, and a law report or journal by year, volume and page,
\`[2024] UKSC 5\`, \`[2003] 1 Cr App R 28\`, \`(2019) 83 J Crim L 112, 115\`;
Switzerland's \`ATF 143 IV 21\`, \`la motion 24.3456\`, \`le postulat 21.3969\`, \`RS 311.039.1\`; Québec's \`2023 QCCA 123\`,
\`Droit de la famille — 231234\`; a count or a length of time after it
stays a figure: \`at that point 300 people\`, \`starting point 6 years' custody\`; a statutory penalty is an amount, a figure: \`75 000 euros d'amende\`),
locators and numbers inside citations, links, code, headings, list markers and enumerators,
numbers that count or point to the document's own parts (\`nos 14 recommandations\`, \`chapitre 4\`),
phone numbers and helplines (\`composez le 3919\`, \`le 119 répond\`, \`the 988 line\`, \`au 116 000\`, \`texter au 686868\`), opening hours
(\`24h/24\`, \`7 jours sur 7\`, \`365 days a year\`, \`a 24-hour line\`), quarters (\`3e trimestre\`), decades
(\`les années 90\`, \`the '80s\`), bill numbers (\`loi de finances rectificative 2\`), postal codes and
street numbers, ages and durations (\`les 11-14 ans\`, \`depuis 10 ans\`, \`under 18\`, \`turn 18\`,
\`Most volunteers are under 30\`, but \`un âge moyen de 13,5 ans\` is a figure), names and versions
(\`COVID-19\`, \`Windows 11\`; not a capitalised word before a count of people or things,
\`Across London 3,500 families\`, \`Tonight 120 people\`), methodology notes (\`Percentages may not sum
to 100 due to rounding\`, \`rounded to the nearest 1,000\`, \`on a scale of 1 to 10\`, \`a 5-point scale\`, an index's base:
\`(2015=100)\`).
A figure keeps its sign and currency as written (\`-£350k\`, \`EUR 1.2bn\`), a qualifier glued to it
stays out (\`c.4,500\` is \`4,500\`), and \`.42\`, \`½\` and \`2½\` are numbers too. Thousands grouped by
apostrophes (\`1'250'000\`, \`1’250’000\`, \`CHF 1'200.50\`, \`Fr. 250'000.–\`) or by two point groups or more
(\`1.250.000\`) are one number; a single point group (\`1.250\`) is read as a decimal, as English writes it,
since it is one in a French or English report as often as not. An abbreviated unit stays with its
figure (\`CHF 1,2 mia\`, \`12 Mio\`, \`1,2 G$\`, \`750 k$\`, \`3,5 p. cent\`, \`12 p. 100\`, \`15 p.c.\`), and its dot
ends the sentence when a capitalised word that is no currency follows (\`CHF 3,5 mio. Le rapport…\`:
that sentence's citation does not cover it; \`3,5 mio. CHF par an [@a]\` is one sentence).

A figure is covered when its sentence holds a citation (\`[@key]\`), or a note holding one (a footnote
call \`[^1]\` whose footnote does, or an inline note \`^[Voir [@key].]\`), or when it stands in a \`stat\`
block (its \`source\`) or a \`viewpoint\` block (the attribution is the source). A note's own text is
prose too: a figure in it needs a citation in it. An image's \`fig-alt\` is read too (a screen reader reads it, and it is the
PDF's /Alt): its figures are reported at the attribute, and a citation in the figure's caption covers them, as it covers the caption's own. A figure in a table is covered by a citation in its row, or in a caption
paragraph right before or after the table that starts with "Source(s)", "Note(s)", "Data", "Base:", "Tableau", "Champ"… (one between two
tables is the first's: it does not cover the second).
Set \`check.figures.scope: paragraph\` to let a citation anywhere in the paragraph cover it.

A project names its own non-figures in \`rapporteur.yaml\`, as phrases written as in the prose
(whole words, any case, any kind of space) or as \`/regular expressions/\`; the numbers inside a match
are not figures:

\`\`\`yaml
check:
  figures:
    ignore: ["permanence 4242", "Allô 3020", '/Modèle \\d+/']
\`\`\`

To waive a figure that needs no source (an example, a figure from the report's own survey), wrap it:
\`:waive[12 enfants]{reason="exemple fictif"}\`. \`rapporteur check --list-waivers\` lists every waiver.`,
  examples: {
    ok: [
      {'chapters/intro.md': '40 % des affaires ont conduit à des actes [@enquete-2024]. La :term[sextorsion] progresse.\n'},
      {'chapters/intro.md': 'Ce rapport formule 14 recommandations le 23 avril 2024, au titre de l’article 227-23 (voir p. 16).\n\n:term[sextorsion]\n'},
      {'chapters/intro.md': 'Près de 52 % des répondants le pensent.[^1] :term[sextorsion]\n\n[^1]: Voir [@enquete-2024, p. 16].\n'},
      {'chapters/intro.md': 'Près de 52 % des répondants le pensent.^[Voir [@enquete-2024, p. 16].] :term[sextorsion]\n'},
      {'chapters/intro.md': ':waive[Sur 10 élèves]{reason="exemple fictif"}, aucun ne le sait. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': 'Un enfant sur cinq est concerné [@enquete-2024]. Trois associations et deux ministères ont signé, à la fois juges et parties. :term[sextorsion]\n'},
      {'chapters/intro.md': 'Nearly half of parents agree [@enquete-2024]. Two charities signed once more, one of the first. :term[sextorsion]\n'},
      {'chapters/intro.md': "Voir Civ. 1re, 11 oct. 2023, n° 22-16.123, point 45, et le 2° de l'article 222-24 (al. 2). :term[sextorsion]\n"},
      {'chapters/intro.md': 'See s 66(2) and R v Jones [2024] UKSC 5 at [45]; (2019) 83 J Crim L 112, 115. The law of 2022 requires it. :term[sextorsion]\n'},
      {'chapters/intro.md': "Voir l'ATF 143 IV 21, la motion 24.3456 (RS 311.039.1) et 2023 QCCA 123 ; appelez le 116 000. :term[sextorsion]\n"}
    ],
    notOk: [
      {'chapters/intro.md': '40 % des affaires ont conduit à des actes. La :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': 'On estime que 12 à 15 000 mineurs sont concernés.[^1] La :term[sextorsion] progresse aussi [@enquete-2024].\n\n[^1]: Estimation interne.\n'},
      {'chapters/intro.md': 'Un enfant sur cinq est concerné, et les signalements ont doublé. La :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': 'Nearly half of parents and two-thirds of teachers agree. La :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': '§ 18 Quatre enfants sur dix sont concernés. La :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': "Septante pour cent des parents l'ignorent ; 1'250'000 images et CHF 3,5 mio. La :term[sextorsion] progresse [@enquete-2024].\n"}
    ]
  },
  check({model, report}) {
    for (const figure of model.figures) {
      if (figure.status !== 'uncited') continue
      report(figure, `Unexpected figure \`${figure.text}\` without a source, expected a citation in its sentence, a footnote with one, or a \`stat\` block`, {figure: figure.text})
    }
  }
})
