import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {expectFlags, flagged} from '../helpers/figure-flags.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * The classes of numbers users met on prose the team did not write, one test each, in sentences
 * of our own. Each paragraph marks with ⟦…⟧ what must be flagged (an uncovered figure); any other
 * number must not be.
 */
describe('not figures', () => {
  test('helpline numbers and short codes, the service named after them or in the sentence before', () =>
    expectFlags([
      'Le 3114 est le numéro national de prévention du suicide.',
      'Besoin de parler ? Le 119 répond, même la nuit.',
      'Pour les victimes, une seule ligne : 3919, gratuite et anonyme.',
      'In Ireland, young people can call 1800 66 66 66 or text 50808 for support.',
      'The 988 line took its first calls in July.',
      'Un numéro court, le 30 18, est réservé au harcèlement en ligne.'
    ]))

  test('service hours and periods', () =>
    expectFlags([
      'La plateforme est joignable 24 heures sur 24 et 7 jours sur 7.',
      'Le service répond 24h/24, 7j/7, 365 jours par an.',
      'The shelter runs a 24-hour line, open 7 days a week and 365 days a year.'
    ]))

  test('quarters are periods, not rankings', () => expectFlags(['Les signalements ont reculé au 2e trimestre puis au 4ème trimestre 2023.', 'La hausse date du 3e trimestre.']))

  test('decades', () => expectFlags(['Depuis les années 90, la prévention a changé.', "Since the '80s, and more so in the 1990s, budgets fell."]))

  test('bill numbers', () => expectFlags(['La loi de finances rectificative 2 a ouvert ces crédits.', 'Le projet de loi n° 3 a été déposé au printemps.']))

  test("counts of the report's own parts", () => expectFlags(['Le présent rapport s’articule en 6 volets et formule 11 propositions.', 'This brief sets out 4 options for ministers.']))

  test('the first day of a month', () => expectFlags(['La mesure entre en vigueur le 1er septembre.', 'Au 1er janvier 2025, le barème change.']))

  test('numbers inside TeX maths, inline or displayed; a figure beside them still is one', () =>
    expectFlags([
      'Le seuil est $\\alpha = 0.05$ et la taille $n = 1200$.',
      'On estime $10^6$ fichiers par $$N = 3 \\times 10^{4} + 250$$ environ.',
      'Le modèle $y = 3x + 12$ prédit ⟦250 cas⟧ de plus.',
      'Money is text: it costs ⟦$5⟧, not $\\frac{1}{2}$ of it.'
    ]))

  test('numbers in a $$ block are not figures', async () => {
    const dir = await writeProject({'chapters/intro.md': '# Intro\n\n$$\np = 0.05, \\quad N = 12\\,000, \\quad 45\\,\\%\n$$\n\nTexte :term[sextorsion] [@enquete-2024].\n'})
    const result = await check(dir)
    await removeProject(dir)
    if (!result.ok) throw new Error('project did not load')
    expect(result.model.figures).toEqual([])
  })
})

describe('legal citation, as a French legal officer writes it', () => {
  const german = String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: de')

  test('abbreviated months, with or without their dot, in every language read: the day is a date', async () => {
    await expectFlags([
      'Voir TA Paris, 11 oct. 2023, n° 2312345/4-1.',
      'Voir CA Lyon, 9 nov. 2021, n° 21/01234.',
      'Audience du 4 sept 2023, du 12 oct 2023 et du 7 nov 2023, puis du 5 déc. 2023.',
      'The hearings were on 4 Sept. 2023 and 12 Oct. 2023, and the Board met on Nov. 7.'
    ])
    await expectFlags(['Die Anhörung war am 11. Okt. 2023, die zweite am 7. Nov. 2023 und die dritte am 5. Dez. 2023.'], german)
  })

  test('a day before `de` and its month is a date anywhere in the sentence (Spanish, Portuguese), as in Italian without `de`; a count before `de` stays a figure', async () => {
    const config = (lang: string) => String(baseProject['rapporteur.yaml']).replace('lang: fr', `lang: ${lang}`)
    await expectFlags(
      ['Se publicó el 15 de marzo de 2024.', 'Hasta el 15 de marzo de 2024, nada.', 'Ley 8/2021, de 4 de junio.', 'Del 1 al 3 de marzo y el 7 y 8 de mayo.', 'Se contaron ⟦15 de ellos⟧ en ⟦40 de los centros⟧.', 'Se firmó el\n1 de octubre de 2025.'],
      config('es')
    )
    await expectFlags(['Foi publicado em 15 de março de 2024, entre 1 e 2 de abril.'], config('pt'))
    await expectFlags(['È stato pubblicato il 15 marzo 2024.'], config('it'))
  })

  test('`may`, `march` and `mar` in lower case are verbs, not months: the count before them is a figure', () =>
    expectFlags(['Of those, ⟦12 may⟧ appeal and ⟦40 march⟧ on Sunday.']))

  test('a number after a word naming a division of a legal text or a court points into it', async () => {
    await expectFlags([
      'Voir CJUE, 22 févr. 2022, aff. C-562/21 PPU, point 45.',
      "Voir les points 45 à 52 de l'arrêt et les considérants 5 à 8 de la décision.",
      'Voir Cons. const., 21 mars 2019, n° 2018-768 QPC, cons. 6.',
      'Voir CA Paris, pôle 4, ch. 13, 3 mars 2022, RG n° 19/12345.',
      'Le titre II du livre III, chapitre IV, section 2, sous-section 1.',
      "L'article 388 du code civil s'applique (al. 2), comme l'article L. 112-3 du CASF, al. 1er.",
      "Au 1er janvier 2025, le 2° de l'article 222-24 du code pénal s'applique.",
      'See the judgment at para. 45, and s. 12 and r. 3 of the regulations.'
    ])
    await expectFlags(['Nach § 5 Abs. 2 Nr. 5 und Rn. 12 des Kommentars gilt die Regel.'], german)
  })

  test('a count after such a word is still a figure; a temperature is no item of an article', () =>
    expectFlags(['At that point ⟦300 people⟧ were waiting.', 'Il faisait ⟦20°C⟧ dans la salle.', 'A ⟦2°⟧ rise is expected.', 'La hausse de ⟦1,5°⟧ de plus est attendue.']))

  test("a court's chamber written as an ordinal is a label; a ranking stays a figure", () =>
    expectFlags([
      'Voir Civ. 1re, 15 mai 2024, n° 22-16.123.',
      'Voir CE, 10e et 9e ch. réunies, 28 déc. 2022, n° 456789.',
      'La 3e chambre civile et la 1re chambre civile divergent.',
      'La France est le ⟦5e pays⟧ hébergeur de ces contenus.'
    ]))

  test("a paragraph numbered by hand, a Council of Europe recommendation's number", () =>
    expectFlags(['1.1 Un sous-paragraphe numéroté à la main.', 'Voir la recommandation CM/Rec(2018)7 du Comité des Ministres.']))

  test('a statutory penalty is an amount: a figure', () => expectFlags(["L'article 227-23 punit ce fait de cinq ans d'emprisonnement et de ⟦75 000 euros⟧ d'amende."]))
})

describe('a figure in words after a paragraph number', () => {
  test('the number names the paragraph; the words after it are a figure of their own', () =>
    expectFlags([
      '§ 18 ⟦Quatre enfants sur dix⟧ sont concernés.',
      '[§ 14]{#par-14} ⟦Quatre enfants sur dix⟧ sont concernés.',
      '[Point 17]{#par-17} ⟦La moitié⟧ des recours aboutissent.',
      'En 2023 ⟦deux tiers⟧ des demandes ont été rejetées.'
    ]))

  test('a scale word after digits is still their figure, not one of its own', () => expectFlags(['Le fonds a reçu ⟦3 millions⟧ et ⟦12 cents⟧ de plus.', 'Some ⟦1¼ million⟧ people applied.']))
})

describe('figures', () => {
  test('a count in the range of years', () => expectFlags(['Plus de ⟦1900 plaintes⟧ ont été déposées.', 'Some ⟦2050 applicants⟧ were turned away.']))

  test('both figures of a change', () => expectFlags(['Le taux a baissé de ⟦0,4 point⟧ pour atteindre ⟦6,3 %⟧.', 'Unemployment fell by ⟦0.2 percentage points⟧ to ⟦4.9 percent⟧.']))

  test('rates', () => expectFlags(['On compte ⟦3 décès⟧ par jour sur les routes du département.', 'The line answered ⟦12 calls⟧ per hour at its peak.']))

  test('counts and changes in parentheses after names', () => expectFlags(['Les signalements viennent surtout d’Espagne (⟦5 120⟧) et de Pologne (⟦3 004⟧).', 'Demand rose sharply (⟦+64 %⟧), most of all in cities (⟦18 %⟧).']))

  test('every count of a pair', () => expectFlags(['Le réseau compte ⟦52 centres⟧ dans ⟦17 régions⟧.', 'There are ⟦29 shelters⟧ across ⟦11 counties⟧.']))

  test('durations that state a fact', () => expectFlags(['Au rythme actuel, il faudrait encore ⟦180 ans⟧ pour combler l’écart.', 'The gap would take another ⟦135 years⟧ to close.', 'Le site est resté occupé pendant près de ⟦300 ans⟧.']))

  test('French thousands with a dot', () => expectFlags(['Au total, ⟦4.315 personnes⟧ ont été accueillies.']))
})

describe('figures in words', () => {
  test('French: fractions, counts, percentages and multipliers are figures', () =>
    expectFlags([
      '⟦Une personne sur quatre⟧ dit avoir été exposée.',
      'Près de ⟦la moitié⟧ des répondants et ⟦deux tiers⟧ des parents l’ignorent.',
      '⟦Un quart⟧ des dépenses va à la prévention, soit ⟦douze millions⟧ d’euros.',
      'Le dispositif touche ⟦trois mille⟧ familles ; ⟦vingt pour cent⟧ sont monoparentales.',
      'Les demandes ont ⟦doublé⟧ et les délais sont ⟦trois fois plus⟧ longs.'
    ]))

  test('French: small counts, ordinals, vague quantities and idioms are not', () =>
    expectFlags([
      'Trois associations et deux ministères ont signé la charte.',
      'C’est le premier pays à le faire, et l’un des seuls.',
      'Des milliers de familles, des dizaines de services : la plupart attendent.',
      'Une fois par an, le comité se réunit ; il est à la fois juge et partie.',
      'Le rapport est transmis à un tiers de confiance dans un quart d’heure.',
      // A rate's unit: `par million` as `pour mille` and `per million` were; the rate's own number still counts.
      'Le capteur donne la concentration en parties par million (ppm) ; le seuil est de ⟦1 000 ppm⟧.'
    ]))

  test('English: fractions, counts, percentages and multipliers are figures', () =>
    expectFlags([
      '⟦One child in ten⟧ reported contact from a stranger.',
      'Nearly ⟦half⟧ of parents and ⟦two-thirds⟧ of teachers agreed.',
      '⟦A third⟧ of schools lack a counsellor; ⟦twelve million⟧ pupils attend them.',
      'Reports ⟦tripled⟧ and girls were ⟦twice as⟧ likely to be targeted.',
      'About ⟦ten percent⟧ of cases reach court.'
    ]))

  test('English: small counts, ordinals, vague quantities and idioms are not', () =>
    expectFlags([
      'Two ministries and five charities signed the pledge.',
      'It was the first time, and one of the few cases, that hundreds of people joined.',
      'Once a year, the board meets for half an hour.'
    ]))
})

describe('a ratio written with a sign or a rate', () => {
  test('`3/4`, `1:4` and `3 pour 1 000` are one figure each, not two; a clock time and a date are none', async () => {
    const [first] = await flagged(['Les ⟦3/4⟧ des victimes se taisent ; le ratio est de ⟦1:4⟧ ; on compte ⟦3 pour 1 000⟧ enfants, à 9:45 le 05/03/2024.'])
    expect(first!.actual).toEqual(['3/4', '1:4', '3 pour 1 000'])
  })
})

describe('British English, as a UK public body writes it', () => {
  test('clock times the British way are times: 9.30am, 2.15pm, at 18.45, from 7.30 to 19.30, the 11.05 to Truro, 8 o\'clock; a rate after the same words is a figure', async () =>
    expectFlags([
      'The last bus leaves at 2.15pm, the first before 9.30am, and the depot closes at 18.45.',
      'Buses run from 7.30 to 19.30; the 11.05 to Truro was cancelled; we met at 8 o\'clock and after 9.30.',
      'Fares rose by ⟦2.50 per cent⟧, were capped at ⟦2.50%⟧ and fell from ⟦7.30⟧ to ⟦5.45 per cent⟧.'
    ]))

  test('a scale word ending the sentence belongs to its number: 12.5 million., £1.2 billion. (in the prose and in a source)', async () => {
    const {numbersOf} = await import('../../src/model/figures/source-numbers.js')
    expect(numbersOf('Total support was £2,100 million.').map((number) => number.value)).toEqual([2_100_000_000])
    const [first] = await flagged(['Spending rose to ⟦12.5 million⟧. The grant was worth ⟦£1.2 billion⟧.'])
    expect(first!.actual).toEqual(['12.5 million', '£1.2 billion'])
  })

  test('multipliers and shares in words: trebled, tenfold, five-fold, a factor of three, percentage points, twice those, double what, by a half', async () =>
    expectFlags([
      'Ridership ⟦trebled⟧ and costs rose ⟦tenfold⟧, or ⟦five-fold⟧ in towns, ⟦by a factor of three⟧ in all.',
      'Use fell ⟦four percentage points⟧; fares are ⟦twice those⟧ in cities and ⟦double⟧ what they were; it rose by ⟦a half⟧.',
      'A one percentage point rise would be felt; they meet twice a week.',
      '⟦Two and a half million⟧ pounds were spent on three and a half days of work.'
    ]))

  test('a number naming a thing after its noun is no figure: the number 5 bus, stand 4, route 42, junction 12', async () =>
    expectFlags(['Take the number 5 bus from stand 4, or route 42 to junction 12, where ⟦42 %⟧ of riders change.']))
})

describe('legal citation, as a UK lawyer writes it (OSCOLA)', () => {
  const british = String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: en-GB')

  test('a number after a division abbreviated without a full stop points into a text: s, reg, cl, art, n, sch, pt, vol, col, footnote', () =>
    expectFlags(
      [
        'See Online Safety Act 2023, s 66(2), and ss 12 and 13.',
        'Under s 1 of the Act it is an offence; SI 2025/1234, reg 4(1), and sch 2, pt 3 apply.',
        'See cl 36 of the Bill; art 14 of Directive 2000/31/EC; Art 8 and arts 8 and 14 of the Convention.',
        'See cl. 36 of the Bill and n 45 above, as n. 12 said; see also footnote 12 above.',
        'HC Deb 10 March 2025, vol 763, col 712; vol. 763, col. 712.',
        'Protocol No 1, art 1'
      ],
      british
    ))

  test('a paragraph pinpoint in square brackets, a law report and a journal by year, volume and page', () =>
    expectFlags(
      [
        'R v Jones [2024] UKSC 5 at [45], and at [45]–[47].',
        'R v Oliver [2002] EWCA Crim 2766, [2003] 1 Cr App R 28.',
        '(2019) 83 J Crim L 112, 115.'
      ],
      british
    ))

  test('a year that dates a law or a report, a verb in -s after it', () =>
    expectFlags(
      [
        'The law of 2022 requires platforms to act.',
        'The Digital Services Act of 19 October 2022 requires platforms to act.',
        'Its report of 2024 calls for action.'
      ],
      british
    ))

  test('a count or a length of time right after the abbreviation is a figure, a verb in -s is what the provision does', () =>
    expectFlags(
      [
        'In s ⟦4 cases⟧ the court agreed; in art ⟦14 schools⟧ the rule applies.',
        'In reg ⟦12 months⟧ is the limit, and cl ⟦36 families⟧ were affected.',
        's 66 applies, reg 4 requires and cl 36 provides it.'
      ],
      british
    ))

  test('a four-digit count before a plural at the end of its sentence, or before children or people, is a count, not a year', () =>
    expectFlags(['A sample of ⟦1500 children⟧ took part.', 'The Act of 2023 applies to ⟦1800 firms⟧.', 'From 2019 to 2023 firms grew.'], british))

  test('capitalised where it opens a sentence, and a range of sections, it is a division', () =>
    expectFlags(['Reg 4 covers ⟦25%⟧ of schools.', 'Cl 36 sets a cap of ⟦£4 million⟧.', 'S 12 applies to ⟦300 cases⟧.', 'The duty in ss 12–14 applies.'], british))

  test('a figure beside a legal reference is still one; a count after `of` is a count', () =>
    expectFlags(
      [
        's 66 applies to ⟦2,400 providers⟧.',
        'Under ss 66 and 67, ⟦300 providers⟧ were fined.',
        'The court ruled in ⟦45 cases⟧ under art 14.',
        'A total of ⟦1850 cases⟧ were heard; a survey of ⟦2024 parents⟧ found the same.',
        'The editor wrote that there were [⟦45⟧] such cases.'
      ],
      british
    ))

  test("a length of time after a legal division's word is a figure, as it is after a verb", () =>
    expectFlags(["The Commission's guideline, starting point ⟦6 years' custody⟧", "The starting point is ⟦6 years' custody⟧."], british))
})

describe('check.figures.ignore', () => {
  test("a project's own non-figures, as phrases or regular expressions", async () => {
    const config = `${baseProject['rapporteur.yaml']}` + 'check:\n  figures:\n    ignore: ["permanence 4242", "/Modèle [0-9]+/"]\n'
    await expectFlags(['La permanence 4242 aide ⟦300 familles⟧.', 'Le Modèle 77 compte ⟦12 %⟧ de pannes.'], config)
    // Without the entry, the same number is a figure.
    await expectFlags(['La permanence ⟦4242⟧ aide ⟦300 familles⟧.'])
  })
})

describe("an image's fig-alt", () => {
  const chapter = (caption: string) => `# Intro\n\n![${caption}](chart.png){#fig-a fig-alt="Parcels rose from 120,000 to 310,000, up 158%."}\n\n:term[sextorsion] [@enquete-2024]\n`

  test('its figures are reported at the attribute, file:line:column, as the caption\'s are', async () => {
    const dir = await writeProject({'chapters/intro.md': chapter('Line chart')})
    const result = await check(dir)
    await removeProject(dir)
    if (!result.ok) throw new Error('project did not load')
    const uncited = result.model.figures.filter((figure) => figure.status === 'uncited')
    expect(uncited.map((figure) => [figure.text, figure.position.start.line, figure.position.start.column])).toEqual([
      ['120,000 to 310,000', 3, 60],
      ['158%', 3, 83]
    ])
  })

  test("a citation in the figure's caption covers them", async () => {
    const dir = await writeProject({'chapters/intro.md': chapter('Parcels by year [@enquete-2024]')})
    const result = await check(dir)
    await removeProject(dir)
    if (!result.ok) throw new Error('project did not load')
    expect(result.model.figures.filter((figure) => figure.status === 'uncited')).toEqual([])
  })
})
