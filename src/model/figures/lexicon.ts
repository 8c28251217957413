/**
 * Word lists the figure detector reasons with, French and English. Kept apart from the logic
 * so that a reader can see (and extend) the vocabulary without reading the scanner.
 * All entries are lower case, without trailing dots unless the dot is part of the abbreviation.
 */

import {frenchEnglishMonths} from '../month-names.js'

/** A lexicon from a whitespace-separated list. */
export const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/u))

/**
 * Month names: French and English's with their abbreviations, dotted or not (`oct.`, `sept`), from
 * the list the date reader of `sources.yaml` reads (month-names.ts); the other languages' names
 * the detector reads dates in (`am 14. Februar`, `3 de marzo`) after them.
 */
export const months: ReadonlySet<string> = new Set([
  ...frenchEnglishMonths.flat().flatMap((name) => [name, `${name}.`]),
  ...words(`
    januar jänner februar märz maerz april mai juni juli august september oktober november dezember
    jän. febr. mär. okt. dez.
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    januari februari maart april mei juni juli augustus september oktober november december
    janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
  `)
])

/** Words after which a four-digit number is a year: `en 2023`, `since 2019`. */
export const yearLeads = words(`
  en dès des depuis jusqu'en jusqu’en avant après vers année années an exercice fin début mi pour
  d'ici d’ici entre et à au de du l'an l’an courant printemps été automne hiver
  in since until till by before after during from around circa year years fiscal early late mid
  spring summer autumn fall winter the of between and to through
`)

/** Year leads that stay years even before a plural noun: `en 2020 mesures…` is rare, `en 2020` is a year. */
export const strongYearLeads = words(`
  en dès depuis jusqu'en jusqu’en année années exercice in since until till during year years fiscal
`)

/** Words that introduce a legal reference: `article 227-23`, `loi n° 2024-449`. */
export const legalLeads = words(`
  article articles art. arts. alinéa alinéas al. loi lois décret décrets ordonnance ordonnances
  directive directives règlement règlements arrêté arrêtés circulaire circulaires code codes
  délibération décision décisions résolution résolutions convention conventions protocole
  section sections § §§ s. ss. act acts regulation regulations amendment amendments title
  clause clauses paragraph paragraphs para. subsection rule rules bill bills statute
  l. r. d. lo. l r d
`)

/**
 * Words naming a division of a legal text or of a court, after which a number points into it
 * (`point 45`, `considérants 5 à 8`, `pôle 4`, `Civ. 1re`; `para. 45`, `sch. 2`; `Abs. 2`, `Rn. 12`),
 * in each language the detector reads. Some are everyday words (`point`, `titre`, `Satz`): a count
 * after the number (`at that point 300 people`) keeps it a figure (classify.ts).
 */
export const legalDivisions = words(`
  point points considérant considérants cons. pôle pôles sous-section sous-sections sous-paragraphe
  titre titres livre livres préambule civ. crim. soc. com. req. ass. plén. sect.
  para paras para. paras. subpara. sub-paragraph subparagraph sub-section sch. schedule schedules
  reg. regs. pt. pts. recital recitals
  abs. nr. nrn. rn. rdnr. rz. satz ziff. lit. buchst. uabs. anh. kap.
  apartado apartados párrafo párrafos inciso incisos considerando considerandos núm.
  comma commi lett. punto punti
  lid leden artikel artikelen overweging overwegingen onderdeel
  artigo artigos parágrafo parágrafos alínea alíneas
`)

/**
 * Words after which a number is a label, not a quantity: parts of the document itself
 * (`chapitre 4`, `page 12`, `recommandation 3`) and the labels of things (`semaine 5`, `phase 3`,
 * `Scope 1`, `type 2`, `salle 6242`).
 */
export const documentPartLeads = words(`
  semaine semaines sem. week weeks wk phase phases type types scope scopes catégorie catégories category
  categories programme programmes program programs tier tiers stade stage stages vague vagues wave waves
  salle salles room rooms bureau fiche fiches level levels niveau niveaux lot lots zone zones porte gate
  bâtiment building étage floor ligne line lines série series saison season épisode episode round manche
  cohorte cohort groupe group bloc block lane voie quartier ward district circonscription arrondissement
  critère criterion indicateur indicator scénario scenario option options variante module modules
  p. pp. page pages chapitre chapitres chap. ch. chapter chapters partie parties part parts
  annexe annexes appendix appendices figure figures fig. figs. tableau tableaux table tables
  graphique graphiques graph graphs chart charts encadré encadrés box boxes note notes
  recommandation recommandations recommendation recommendations axe axes étape étapes step steps
  paragraphe paragraphes volume volumes vol. tome tomes t. numéro numéros n° no. nos. nº # version v.
  question questions carte cartes map maps schéma diagram exhibit exhibits illustration
  proposition propositions enjeu annex objectif objective mesure measure priorité priority pilier pillar
`)

/** Nouns counted when a text counts its own parts: `nos 14 recommandations`, `les 3 enjeux`. */
export const documentPartNouns = words(`
  recommandations recommandation chapitres chapitre parties partie sections section annexes annexe
  axes axe enjeux enjeu encadrés tableaux graphiques propositions priorités piliers volets fiches
  recommendations recommendation chapters chapter parts part appendices annexes pillars priorities
  proposals sections boxes tables stakes themes thèmes volets temps propositions annexes
`)

/** Verbs by which a text counts its own parts: `s'organise en 3 temps`, `sets out the 3 main changes`. */
export const documentVerbs = words(`
  organise organisé organisée structure structuré structurée regroupe regroupées regroupés divisé divisée
  formule formulent formulons présente présentons sets set outlines makes structured organised organized
  divided grouped articulé articulée décline
`)

/** Nouns naming the document or one of its parts, as the subject of a counting verb. */
export const documentSubjects = words(`
  rapport rapports note bulletin document synthèse étude guide chapitre partie annexe dossier avis
  report brief note paper study chapter section guide review document
`)

/** Determiners that make a following count a count of the document's parts (with the nouns above). */
export const documentDeterminers = words(`
  nos notre les ces ses leurs ce cette our the these its this their ses formule formulons présente
  propose proposons emits makes sets contains comprend comporte
`)

/** Words that make a number a quantity even when other clues say otherwise. */
export const quantityLeads = words(`
  plus moins près environ quelque quelques presque quasi jusqu'à jusqu’à au-delà pres environ
  more less fewer than nearly almost about around approximately approx. some over under up roughly estimated
  estimé estimée estimés estimées total soit
`)

/**
 * Abbreviations of "about", written glued to the number as often as not (`c.4,500`, `ca.300`,
 * `approx.1,200`): a qualifier, not a label. Not quantity leads: `c.1900` is as often a year.
 */
export const circaWords = words(`c. ca. circa approx. approx env. env`)

export const scaleWords = words(`
  million millions milliard milliards billion billions trillion trillions thousand thousands mille
  md mds mrd md€ m€ k€ bn m k md$ m$ mn mio
  mia g$ g€ k$
`)

export const currencyWords = words(`
  € $ £ ¥ euro euros dollar dollars livre livres sterling francs franc usd eur gbp chf cad yen yuan
`)

/** ISO 4217 codes written before an amount (in capitals there): `EUR 1.2bn`, `GBP 4.2m`, `CHF12,000`. */
export const currencyCodes = words(`
  eur usd gbp chf cad aud nzd jpy cny hkd sgd sek nok dkk pln czk huf ron inr zar brl mxn try xof xaf mad tnd dzd
`)

export const percentWords = words(`
  % ‰ pourcent pour-cent percent per-cent pts pt points point pp
`)

/** Ordinal endings glued to a number: `5e`, `1er`, `3rd`. */
export const ordinalSuffixes = words(`e er ère re ème eme è ᵉ ʳᵉ ᵉʳ st nd rd th es èmes`)

/** After an ordinal, words that make it a label rather than a ranking: `21e siècle`. */
export const ordinalLabels = words(`
  siècle siècles century centuries arrondissement édition edition session législature legislature
  anniversaire anniversary étage floor circonscription district république republic amendement
  amendment alinéa chambre congrès congress conférence conference sommet summit festival biennale
  grade classe class trimestre trimestres semestre semestres quarter quarters half
  ch chambres civ crim soc com section sections sous-section sous-sections pôle
`)

/** Units of time that, with small integers, make durations and ages rather than findings. */
export const timeUnits = words(`
  an ans année années mois semaine semaines jour jours heure heures minute minutes
  year years yr yrs month months week weeks day days hour hours
  year-old year-olds years-old
`)

/** People an age threshold can describe: `children under 5`, `adultes de plus de 65 ans`. */
export const ageGroups = words(`
  enfants enfant adultes adulte personnes jeunes mineurs mineures femmes hommes filles garçons élèves patients
  children child adults adult people persons youths minors women men girls boys pupils patients those aged ages
  seniors retraités retirees individuals
  volunteers respondents participants residents users workers carers members employees staff claimants
  tenants parents mothers fathers survivors victims migrants refugees students learners voters drivers
  clients customers applicants beneficiaries recipients
  bénévoles répondants participants résidents usagers salariés parents mères pères victimes étudiants
  électeurs conducteurs locataires allocataires bénéficiaires
`)

/**
 * Prepositions of place before a capitalised name that is a place, not a label: `In Manchester
 * 210 children`, `Across London 35 families`, `À Lyon 300 familles`.
 */
export const placePrepositions = words(`
  in across throughout within outside inside around à en dans partout
`)

/** Plurals that do not end in s or x, counted as often as any: `120 people`, `210 children`. */
export const irregularPlurals = words(`
  people children women men staff police personnel youth folk gens
`)

/** Verbs by which shares add up: `may not sum to 100`, `ne totalisent pas 100 %`. */
export const sumVerbs = words(`
  sum sums summed add adds added total totals totalled totaled equal equals
  totaliser totalisent totalise égal égale égaux égales font faire somment
`)

/** Words a rounding note uses: `rounded to the nearest 1,000`, `arrondis à 1 000 près`. */
export const roundingWords = words(`rounded rounding round arrondi arrondis arrondie arrondies arrondissant`)

/** Nouns of the scale answers are given on: `on a scale of 1 to 10`, `une échelle de 1 à 5`. */
export const answerScales = words(`scale scales échelle échelles likert`)

/** Verbs, and the adverbs beside them, by which people are said to be an age: `volunteers are mostly under 30`. */
export const ageCopulas = words(`are were is was be been being mostly mainly largely all still now typically usually often`)

/** Words that turn an age or duration into a statistic: `âge moyen de 13 ans`. */
export const averageWords = words(`moyen moyenne moyens moyennes médian médiane average mean median typical typique`)

export const streetWords = words(`
  rue avenue av. bd boulevard place pl. allée allee chemin impasse quai route cours square passage
  faubourg rond-point esplanade villa cité colonnade crescent gardens close mews quay
  street st. st avenue ave ave. road rd rd. boulevard blvd blvd. lane ln drive dr. way court ct plaza
  parkway terrace
`)

/** Abbreviations whose dot does not end a sentence. */
export const abbreviations = words(`
  p. pp. n°. no. nos. m. mm. mme. mmes. mlle. dr. pr. me. st. ste. etc. cf. e.g. i.e. eg. ie. vs. v.
  art. al. chap. ch. fig. figs. vol. éd. ed. eds. coll. op. cit. ibid. id. env. approx. ca. c. min. max.
  hab. av. bd. inc. ltd. co. corp. jr. sr. mr. mrs. ms. prof. gen. gov. dept. dép. sq. nb. n.b. ex.
  u.s. u.k. u.n. e.u. ue. ann. suiv. sqq. ss. s. t. tél. tel. fax. jan. feb. mar. apr. jun. jul. aug.
  sep. sept. oct. nov. dec. janv. févr. fév. avr. juil. déc. mds. md. mio. resp. est. sté. ste. no
`)

/** Abbreviations of legal codes written after an article number: `18 U.S.C. § 2252`. */
export const legalCodes = words(`u.s.c. usc c.f.r. cfr c.pén. c.civ. cgct csp c. stat. cpp`)

/** Function words that can open a sentence before a number without naming anything. */
export const functionWords = words(`
  les des ces ses nos vos leurs le la l un une du au aux en dans sur pour par avec sans entre selon soit
  et ou mais donc car parmi dont près plus moins environ seuls seules quelque quelques chaque tous toutes
  the a an some about around over under only nearly almost roughly just all these those our its their
  at in on of by for from with to and or but since after before until during per each every another
  among between against than more less fewer up down out into onto
`)

/** Number words under a hundred, French and English, with their values (`vingt-cinq` is read by parts). */
export const unitWords: ReadonlyMap<string, number> = new Map([
  // Belgium's and Switzerland's tens beside France's `soixante-dix`, `quatre-vingts`, `quatre-vingt-dix`
  // (`huitante` in Vaud, Valais and Fribourg; `octante`, older, still read): a report in fr-BE or fr-CH
  // writes `septante pour cent`, and France's reader knows these words too.
  ...Object.entries({septante: 70, huitante: 80, octante: 80, nonante: 90}),
  ...Object.entries({un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60}),
  ...Object.entries({a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90})
])

/** Words that multiply what comes before them: `trois mille`, `twelve million`. */
export const scaleWordValues: ReadonlyMap<string, number> = new Map(
  Object.entries({cent: 100, cents: 100, hundred: 100, mille: 1e3, thousand: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, billion: 1e9, trillion: 1e12})
)

/** Unicode's vulgar fractions, by value: `½`, `2½`, `1¼ million`. */
export const vulgarFractions: ReadonlyMap<string, number> = new Map(
  Object.entries({'¼': 1 / 4, '½': 1 / 2, '¾': 3 / 4, '⅐': 1 / 7, '⅑': 1 / 9, '⅒': 1 / 10, '⅓': 1 / 3, '⅔': 2 / 3, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8})
)

/** Fractions named by a noun: `deux tiers`, `un quart`, `a fifth`, `two-thirds`. */
export const fractionWords: ReadonlyMap<string, number> = new Map(
  Object.entries({moitié: 1 / 2, tiers: 1 / 3, quart: 1 / 4, quarts: 1 / 4, cinquième: 1 / 5, cinquièmes: 1 / 5, dixième: 1 / 10, dixièmes: 1 / 10, half: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifth: 1 / 5, fifths: 1 / 5, tenth: 1 / 10, tenths: 1 / 10})
)

/** Verbs and participles of a multiplication: `a doublé`, `tripled`, `halved`. */
export const multiplierVerbs: ReadonlyMap<string, number> = new Map(
  Object.entries({doublé: 2, doublée: 2, doublés: 2, doublées: 2, triplé: 3, triplée: 3, triplés: 3, quadruplé: 4, quadruplée: 4, quintuplé: 5, doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, quintupled: 5, halved: 0.5})
)
