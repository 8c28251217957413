#!/usr/bin/env node
/**
 * Deterministic generator of a large rapporteur project, for benchmarks.
 *
 * Writes a report folder (rapporteur.yaml, sources.yaml, glossary.yaml, chapters/*.md,
 * synthese.md) of about 4 MB of French Markdown (~2,000 printed pages): prose paragraphs full of
 * cited figures, years, dates, legal references and footnotes, lists, tables, headings, and the
 * `stat`, `recommendation`, `viewpoint`, `callout` blocks and `:term`/`:ref` directives of the
 * format. Every cited key, term and ref target is defined, so that `check` reports few problems.
 *
 * Same options → byte-identical output (seeded PRNG, no Math.random, no clock).
 *
 *   node bench/generate.js [--out DIR] [--chapters 100] [--chapter-kb 40] [--seed 20260210]
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32, seeded. Everything random goes through `rng`.

export function mulberry32(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function makeRandom(seed) {
  const next = mulberry32(seed)
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (list) => list[Math.floor(next() * list.length)]
  const chance = (p) => next() < p
  return {next, int, pick, chance}
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

const ORGS = [
  ['fondation-enfance', "Fondation pour l'Enfance"], ['ofmin', 'Office mineurs (OFMIN)'], ['cameleon', 'CAMELEON'],
  ['iwf', 'Internet Watch Foundation'], ['thorn', 'Thorn'], ['ciivise', 'Ciivise'], ['point-de-contact', 'Point de contact'],
  ['unicef', 'Unicef France'], ['defenseur-droits', 'Défenseur des droits'], ['arcom', 'Arcom'], ['cnil', 'CNIL'],
  ['pharos', 'Pharos'], ['europol', 'Europol'], ['interpol', 'Interpol'], ['ncmec', 'NCMEC'], ['ofcom', 'Ofcom'],
  ['e-enfance', 'Association e-Enfance'], ['drees', 'Drees'], ['insee', 'Insee'], ['ssmsi', 'SSMSI'],
  ['protect-children', 'Protect Children'], ['weprotect', 'WeProtect Global Alliance'], ['inhope', 'Inhope'],
  ['cofrade', 'COFRADE'], ['open', 'OPEN'], ['caf', 'Cnaf'], ['education-nationale', "Ministère de l'Éducation nationale"],
  ['justice', 'Ministère de la Justice'], ['interieur', "Ministère de l'Intérieur"], ['senat', 'Sénat'],
  ['assemblee', 'Assemblée nationale'], ['commission-europeenne', 'Commission européenne'], ['conseil-europe', "Conseil de l'Europe"],
  ['oms', 'Organisation mondiale de la santé'], ['ocde', 'OCDE'], ['ipsos', 'Ipsos'], ['ifop', 'Ifop'], ['credoc', 'Crédoc'],
  ['hce', "Haute-commissaire à l'Enfance"], ['cese', 'CESE']
]

const OUTLETS = ['Le Monde', 'Libération', 'Le Figaro', 'ToutEduc', 'La Croix', 'Mediapart', 'France Info', 'Les Échos', 'Ouest-France', 'Le Parisien', 'AEF info', 'Dalloz actualité']

const PEOPLE = [
  ['Claire Morel', 'psychologue clinicienne'], ['Julien Fabre', 'commissaire divisionnaire'], ['Nadia Benali', 'magistrate au parquet des mineurs'],
  ['Thomas Girard', 'chercheur en sciences sociales'], ['Sophie Lemaire', 'pédopsychiatre'], ['Karim Haddad', 'enquêteur spécialisé'],
  ['Élise Marchand', 'avocate au barreau de Paris'], ['Marc Duval', 'ingénieur en sécurité informatique'], ['Inès Roux', 'éducatrice spécialisée'],
  ['Paul Vasseur', 'directeur d’une association de protection de l’enfance'], ['Léa Chevalier', 'sociologue du numérique'], ['Hugo Lambert', 'gendarme au C3N']
]

const SUBJECTS = [
  'des mineurs interrogés', 'des parents', 'des enseignants', 'des signalements traités', 'des plaintes déposées', 'des adolescents de 15 à 17 ans',
  'des victimes accompagnées', 'des professionnels de santé', 'des affaires jugées', 'des contenus signalés', 'des comptes suspendus',
  'des familles suivies', 'des élèves de collège', 'des enquêteurs', 'des plateformes évaluées', 'des dossiers ouverts', 'des jeunes adultes',
  'des établissements scolaires', 'des répondants', 'des associations'
]

const FINDINGS = [
  'déclarent avoir déjà reçu un message à caractère sexuel', 'disent ne pas savoir à qui s’adresser', 'ont été exposés à des contenus violents',
  'ignorent l’existence des dispositifs de signalement', 'estiment que les plateformes n’agissent pas assez vite', 'concernent des images générées ou modifiées',
  'aboutissent à une réponse pénale', 'font état d’un chantage en ligne', 'ont été retirés dans les 24 heures', 'jugent la prévention insuffisante',
  'publient régulièrement des photos de leurs enfants', 'se disent démunis face aux outils d’IA', 'mentionnent un contact initié sur un jeu en ligne',
  'relèvent une hausse des demandes d’aide', 'ont déjà utilisé une application de retouche', 'rapportent des troubles du sommeil durables'
]

const COUNT_NOUNS = [
  'signalements', 'enfants', 'victimes', 'plaintes', 'contenus', 'comptes', 'procédures', 'appels', 'images', 'vidéos', 'enquêtes',
  'condamnations', 'adolescents', 'familles', 'dossiers', 'sites', 'interpellations', 'demandes de retrait'
]

const PLACES = [
  'en France', 'en Europe', 'dans l’Union européenne', 'au Royaume-Uni', 'en Île-de-France', 'dans les départements d’outre-mer', 'à l’échelle mondiale',
  'en Belgique', 'au Canada', 'en Espagne', 'dans les collèges publics', 'sur les réseaux sociaux', 'sur les messageries chiffrées'
]

const VERBS_RISE = ['a augmenté de', 'a progressé de', 'a reculé de', 'a bondi de', 'a diminué de', 'a crû de']

const OPENERS = [
  (org) => `Selon ${org},`, (org) => `D’après ${org},`, (org) => `Pour ${org},`, (org) => `Dans son rapport annuel, ${org} indique que`,
  (org) => `Comme le relève ${org},`, (org) => `À en croire ${org},`, (org) => `Les données publiées par ${org} montrent que`,
  (org) => `Une étude conduite par ${org} établit que`
]

const CONNECTORS = [
  'Par ailleurs,', 'En outre,', 'De plus,', 'Dans le même temps,', 'À l’inverse,', 'Surtout,', 'Plus largement,', 'Ainsi,', 'Or', 'Toutefois,',
  'En pratique,', 'Au demeurant,', 'De fait,', 'Concrètement,'
]

const PLAIN = [
  'Les acteurs de terrain décrivent une situation qui évolue plus vite que les réponses institutionnelles.',
  'Cette évolution interroge la capacité des services publics à suivre le rythme des innovations techniques.',
  'Les familles se trouvent souvent seules face à des outils qu’elles connaissent mal.',
  'La coordination entre les administrations reste le maillon faible de la chaîne de protection.',
  'Les plateformes mettent en avant leurs efforts de modération, sans toujours en publier le détail.',
  'La prévention ne peut pas reposer sur les seuls parents : l’école, les associations et les entreprises y ont leur part.',
  'Chaque contenu retiré trop tard prolonge l’atteinte subie par l’enfant qui y figure.',
  'Les professionnels rencontrés insistent sur la nécessité d’une formation continue.',
  'Le cadre juridique existant n’a pas été pensé pour des contenus entièrement produits par une machine.',
  'Il en résulte une zone grise que les auteurs savent exploiter.',
  'La parole des enfants doit être recueillie dans des conditions qui la respectent et la protègent.',
  'Les enquêteurs rappellent qu’un signalement rapide facilite l’identification des victimes.',
  'Le sujet dépasse largement la seule question technique : il touche à l’éducation, à la santé et à la justice.',
  'Les associations demandent des moyens pérennes plutôt que des appels à projets ponctuels.',
  'Cette situation appelle une réponse coordonnée, à la fois nationale et européenne.',
  'Les témoignages recueillis convergent sur un point : la honte retarde la demande d’aide.',
  'Aucune solution unique ne suffira ; c’est la combinaison des mesures qui fera la différence.',
  'La question du consentement se pose avec une acuité nouvelle lorsque l’image est fabriquée.',
  'L’anonymat apparent des échanges en ligne nourrit chez les auteurs un sentiment d’impunité.',
  'Les outils de détection automatique progressent, mais ils produisent encore des erreurs.'
]

const SECTION_TITLES = [
  'Un phénomène en expansion', 'Ce que disent les données', 'Les réponses existantes', 'Des angles morts persistants', 'Le point de vue des professionnels',
  'Les limites du cadre actuel', 'Des comparaisons internationales', 'Les attentes des familles', 'Le rôle des plateformes', 'Des moyens à la hauteur',
  'Prévenir plutôt que guérir', 'Former les acteurs de terrain', 'Accompagner les victimes', 'Mesurer pour agir', 'Les pistes d’amélioration'
]

const CHAPTER_THEMES = [
  'la détection des contenus générés', 'la prévention à l’école', 'l’accompagnement des victimes', 'la réponse pénale', 'la régulation des plateformes',
  'la coopération internationale', 'la formation des professionnels', 'la parole des enfants', 'les usages numériques des familles', 'la recherche et l’évaluation',
  'les nouveaux modèles d’IA', 'la modération des contenus', 'le financement des associations', 'le rôle des collectivités', 'la santé mentale des jeunes'
]

const REC_TITLES = [
  'Créer un fonds dédié à la prévention en ligne', 'Généraliser les modules de sensibilisation au collège', 'Imposer des délais de retrait contraignants',
  'Doter les enquêteurs d’outils de distinction des images', 'Former les magistrats aux contenus générés', 'Publier un bilan annuel des signalements',
  'Renforcer les effectifs des services spécialisés', 'Encadrer la mise à disposition des modèles ouverts', 'Soutenir la recherche sur les effets psychologiques',
  'Harmoniser les définitions au niveau européen', 'Associer les jeunes à la conception des campagnes', 'Rendre obligatoire la vérification d’âge'
]

const QUOTES = [
  'Nous voyons arriver des situations que personne n’imaginait il y a peu.',
  'Chaque image compte, parce que derrière chaque image il peut y avoir un enfant réel.',
  'La technologie avance plus vite que le droit, et les auteurs le savent.',
  'Les familles nous appellent souvent trop tard, quand le contenu circule déjà.',
  'Il faut cesser de considérer le virtuel comme sans conséquence.'
]

const LAW_REFS = [
  'l’article 227-23 du Code pénal', 'l’article 226-8-1 du Code pénal', 'l’article 227-22-1 du Code pénal', 'la loi n° 2024-449 du 21 mai 2024',
  'l’article L. 312-9 du Code de l’éducation', 'le règlement (UE) 2022/2065', 'l’article 6 de la loi du 21 juin 2004', 'la directive 2011/93/UE',
  'l’article 15 de la Convention de Lanzarote', 'le décret n° 2023-1234 du 20 décembre 2023'
]

const GLOSSARY_BASE = [
  ['ia-generative', 'IA générative', ['intelligence artificielle générative']], ['modele-open-source', 'modèle open source', ['modèles open source']],
  ['pedocriminalite', 'pédocriminalité', []], ['cyberpedocriminalite', 'cyberpédocriminalité', ['pédocriminalité en ligne']],
  ['contenus-pedocriminels', 'contenus pédocriminels', ['CSAM']], ['deepfake', 'deepfake', ['deepfakes', 'hypertrucage']],
  ['application-deshabillage', 'application de déshabillage', ['nudify apps']], ['sextorsion', 'sextorsion', ['sextortion']],
  ['grooming', 'grooming', ['pédopiégeage']], ['sharenting', 'sharenting', []], ['clear-web', 'clear web', []], ['dark-web', 'dark web', []],
  ['chiffrement-bout-en-bout', 'chiffrement de bout en bout', []], ['live-streaming', 'live-streaming', []], ['revictimisation', 'revictimisation', []],
  ['safety-by-design', 'Safety by Design', []], ['faux-positif', 'faux positif', ['faux positifs']], ['classement-sans-suite', 'classement sans suite', []],
  ['verification-age', 'vérification de l’âge', ['vérification d’âge']], ['hachage-perceptuel', 'hachage perceptuel', ['empreinte numérique']],
  ['moderation', 'modération', []], ['signalement', 'signalement', ['signalements']], ['plateforme', 'plateforme en ligne', ['plateformes en ligne']],
  ['cyberharcelement', 'cyberharcèlement', []], ['emprise', 'emprise', []], ['trauma', 'psychotraumatisme', []], ['unite-accueil', 'unité d’accueil pédiatrique', ['UAPED']],
  ['audition-filmee', 'audition filmée', []], ['parquet-mineurs', 'parquet des mineurs', []], ['ase', 'aide sociale à l’enfance', ['ASE']],
  ['controle-parental', 'contrôle parental', []], ['metadonnees', 'métadonnées', []], ['modele-diffusion', 'modèle de diffusion', ['modèles de diffusion']],
  ['prompt', 'prompt', ['prompts', 'consigne']], ['entrainement', 'données d’entraînement', []], ['filigrane', 'filigrane numérique', ['watermarking']],
  ['dsa', 'règlement sur les services numériques', ['DSA']], ['coordinateur', 'coordinateur pour les services numériques', []],
  ['signaleur-confiance', 'signaleur de confiance', ['signaleurs de confiance']], ['retrait', 'retrait de contenu', []],
  ['deferencement', 'déréférencement', []], ['mineur', 'mineur', ['mineurs']], ['consentement', 'consentement', []],
  ['education-numerique', 'éducation au numérique', []], ['parentalite-numerique', 'parentalité numérique', []], ['jeu-en-ligne', 'jeu en ligne', ['jeux en ligne']],
  ['messagerie', 'messagerie instantanée', ['messageries instantanées']], ['anonymat', 'anonymat', []], ['preuve-numerique', 'preuve numérique', []],
  ['victimologie', 'victimologie', []]
]

// ---------------------------------------------------------------------------------------------
// Small formatters.

/** `12345` → `12 345` (French thousands, plain space as the sample report writes them). */
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

function percent(r) {
  const value = r.chance(0.3) ? `${r.int(1, 98)},${r.int(1, 9)}` : String(r.int(2, 97))
  return `${value} %`
}

function count(r) {
  const magnitude = r.pick([2, 3, 3, 4, 5, 6])
  const n = r.int(10 ** (magnitude - 1) + 1, 10 ** magnitude - 1)
  return thousands(n)
}

function year(r) {
  return r.int(2016, 2025)
}

function dateText(r) {
  return `${r.int(2, 28)} ${r.pick(MONTHS)} ${r.int(2019, 2025)}`
}

function yamlQuote(text) {
  return JSON.stringify(text)
}

// ---------------------------------------------------------------------------------------------
// Registries.

const SOURCE_TYPES = ['report', 'report', 'survey', 'dataset', 'article', 'article', 'webpage', 'press-release', 'hearing', 'interview', 'book', 'law']

export function makeSources(r, n) {
  const sources = []
  for (let i = 0; i < n; i++) {
    const [slug, name] = ORGS[i % ORGS.length]
    const type = SOURCE_TYPES[(i * 7 + r.int(0, 11)) % SOURCE_TYPES.length]
    const y = r.int(2017, 2025)
    const id = `${slug}-${y}-${String(i + 1).padStart(3, '0')}`
    const theme = r.pick(CHAPTER_THEMES)
    const source = {id, type, name, year: y}
    const lines = [`- id: ${id}`, `  type: ${type}`]
    switch (type) {
      case 'article':
        lines.push(`  title: ${yamlQuote(`Enquête sur ${theme}`)}`, `  author: ${yamlQuote(r.pick(PEOPLE)[0])}`, `  publisher: ${yamlQuote(r.pick(OUTLETS))}`, `  date: ${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`)
        break
      case 'webpage':
        lines.push(`  title: ${yamlQuote(`${name} : ${theme}`)}`, `  author: ${yamlQuote(name)}`, `  date: ${y}`, `  url: https://example.org/${slug}/${i + 1}`, '  accessed: 2026-01-15')
        break
      case 'press-release':
        lines.push(`  title: ${yamlQuote(`Communiqué sur ${theme}`)}`, `  author: ${yamlQuote(name)}`, `  publisher: ${yamlQuote(name)}`, `  date: ${y}-${String(r.int(1, 12)).padStart(2, '0')}`)
        break
      case 'law':
        lines.push(`  title: ${yamlQuote(`Texte législatif relatif à ${theme}`)}`, '  author: République française', `  date: ${y}`)
        break
      default:
        lines.push(`  title: ${yamlQuote(`${type === 'survey' ? 'Enquête' : type === 'dataset' ? 'Données' : 'Rapport'} : ${theme}`)}`, `  author: ${yamlQuote(name)}`, `  date: ${y}`)
        if (type === 'book' || r.chance(0.5)) lines.push(`  publisher: ${yamlQuote(type === 'book' ? r.pick(['La Découverte', 'Dunod', 'Érès', 'PUF', 'Odile Jacob']) : name)}`)
        if (r.chance(0.4)) lines.push(`  pages: "${r.int(20, 240)}"`)
    }
    if (r.chance(0.4)) lines.push('  note: >-', `    Source citée à l’appui des chiffres sur ${theme} ; la période couverte est celle de l’année ${y}.`)
    source.yaml = lines.join('\n')
    sources.push(source)
  }
  return sources
}

export function makeGlossary(r) {
  const ids = GLOSSARY_BASE.map(([id]) => id)
  return GLOSSARY_BASE.map(([id, term, aliases]) => {
    const see = r.chance(0.5) ? [r.pick(ids.filter((other) => other !== id))] : []
    const lines = [
      `- id: ${id}`,
      `  term: ${yamlQuote(term)}`,
      '  definition: >-',
      `    Notion employée dans ce rapport pour décrire ${r.pick(CHAPTER_THEMES)} ; elle recouvre des pratiques`,
      `    et des dispositifs que les professionnels de la protection de l’enfance rencontrent au quotidien.`
    ]
    if (aliases.length) lines.push(`  aliases: [${aliases.map(yamlQuote).join(', ')}]`)
    if (see.length) lines.push(`  see: [${see.join(', ')}]`)
    return {id, term, aliases, yaml: lines.join('\n')}
  })
}

// ---------------------------------------------------------------------------------------------
// Chapter writer.

export class ChapterWriter {
  constructor(r, ctx, index) {
    this.r = r
    this.ctx = ctx
    this.index = index
    this.id = `chapitre-${String(index + 1).padStart(3, '0')}`
    this.footnotes = []
    this.stats = 0
    this.recs = 0
    this.out = []
  }

  /** A source key, cycling through the registry first so that every source is cited. */
  key() {
    const ctx = this.ctx
    if (ctx.nextUnused < ctx.sources.length) return ctx.sources[ctx.nextUnused++].id
    return this.r.pick(ctx.sources).id
  }

  citation() {
    const r = this.r
    const roll = r.next()
    if (roll < 0.55) return `[@${this.key()}]`
    if (roll < 0.8) return `[@${this.key()}, p. ${r.int(2, 240)}]`
    if (roll < 0.92) return `[@${this.key()}; @${this.key()}]`
    return `[voir @${this.key()}, chap. ${r.int(1, 9)}]`
  }

  /** A `:term[…]`, cycling through the glossary first so that every term is used. */
  term() {
    const ctx = this.ctx
    const r = this.r
    const entry = ctx.nextTerm < ctx.glossary.length ? ctx.glossary[ctx.nextTerm++] : r.pick(ctx.glossary)
    const roll = r.next()
    if (roll < 0.6 || (entry.aliases.length === 0 && roll < 0.85)) return `:term[${entry.term}]`
    if (roll < 0.85) return `:term[${r.pick(entry.aliases)}]`
    return `:term[${entry.term} ici évoqué]{id=${entry.id}}`
  }

  ref() {
    const targets = this.ctx.refTargets
    return targets.length ? `:ref[#${this.r.pick(targets)}]` : `:ref[#${this.id}]`
  }

  footnote() {
    const n = this.footnotes.length + 1
    const r = this.r
    const body = r.pick([
      () => `Voir ${this.citation()} ; les chiffres portent sur l’année ${year(r)}.`,
      () => `${r.pick(ORGS)[1]}, données publiées le ${dateText(r)} [@${this.key()}, p. ${r.int(2, 180)}].`,
      () => `Source : [@${this.key()}]. Le champ couvre ${r.pick(PLACES)}.`
    ])()
    this.footnotes.push(`[^${n}]: ${body}`)
    return `[^${n}]`
  }

  /** One sentence holding a figure, covered by a citation or a footnote. */
  figureSentence() {
    const r = this.r
    // About one figure in a thousand is left uncited, as in a real draft: check has a little to report.
    // `ctx.uncitedRate` (bench/generate-build.js sets 0) overrides it; the same draw is made either way.
    const cover = () => (r.chance(this.ctx.uncitedRate ?? 0.001) ? '' : r.chance(0.2) ? this.footnote() : ` ${this.citation()}`)
    const org = r.pick(ORGS)[1]
    const templates = [
      () => `${r.pick(OPENERS)(org)} ${percent(r)} ${r.pick(SUBJECTS)} ${r.pick(FINDINGS)}${cover()}.`,
      () => `En ${year(r)}, ${count(r)} ${r.pick(COUNT_NOUNS)} ont été recensés ${r.pick(PLACES)}${cover()}.`,
      () => `Le nombre de ${r.pick(COUNT_NOUNS)} ${r.pick(VERBS_RISE)} ${percent(r)} entre ${r.int(2015, 2019)} et ${r.int(2020, 2025)}${cover()}.`,
      () => `Près de ${count(r)} ${r.pick(COUNT_NOUNS)} ont été transmis aux services de ${org} au cours de l’année ${year(r)}${cover()}.`,
      () => `Le budget annuel du programme portant sur ${r.pick(CHAPTER_THEMES)} atteint ${r.int(2, 950)} millions d’euros${cover()}, contre ${r.int(1, 400)} millions d’euros cinq ans plus tôt.`,
      () => `${r.int(2, 9)} enfants sur 10 ${r.pick(FINDINGS)}${cover()}.`,
      () => `L’âge moyen des victimes identifiées est de ${r.int(9, 15)},${r.int(1, 9)} ans${cover()}.`,
      () => `${org} a traité ${count(r)} ${r.pick(COUNT_NOUNS)} entre le ${dateText(r)} et le ${dateText(r)}${cover()}.`,
      () => `Depuis ${year(r)}, la part ${r.pick(SUBJECTS)} qui ${r.pick(FINDINGS)} est passée de ${percent(r)} à ${percent(r)}${cover()}.`,
      () => `Au ${dateText(r)}, ${org} comptait ${r.int(12, 480)} agents, pour un objectif de ${r.int(500, 900)}${cover()}.`,
      () => `${r.pick(CONNECTORS)} ${percent(r)} ${r.pick(SUBJECTS)} ${r.pick(FINDINGS)} ${r.pick(PLACES)}${cover()}.`
    ]
    return r.pick(templates)()
  }

  /** A sentence with numbers that are not figures: years, dates, legal references, ages. */
  contextSentence() {
    const r = this.r
    const templates = [
      () => `Depuis ${year(r)}, le sujet est inscrit à l’agenda des pouvoirs publics.`,
      () => `Le ${dateText(r)}, une réunion interministérielle a fixé de nouvelles orientations.`,
      () => `Ce dispositif s’appuie sur ${r.pick(LAW_REFS)}, que la Fondation juge insuffisant.`,
      () => `Les enfants de moins de 13 ans sont les plus exposés à ces pratiques, d’après les professionnels interrogés.`,
      () => `Le texte renvoie à ${r.pick(LAW_REFS)} et à ${r.pick(LAW_REFS)}.`,
      () => `Cette question est traitée plus loin (voir ${this.ref()}).`,
      () => `Entre ${r.int(2015, 2019)} et ${r.int(2020, 2025)}, plusieurs réformes se sont succédé sans bilan d’ensemble.`,
      () => `Les adolescents de 11 à 14 ans y passent une partie croissante de leur temps libre.`,
      () => `${r.pick(CONNECTORS)} le ${r.pick(['chapitre', 'tableau', 'encadré'])} ${r.int(2, 12)} revient sur ce point.`
    ]
    return r.pick(templates)()
  }

  plainSentence() {
    const r = this.r
    const sentence = r.pick(PLAIN)
    if (r.chance(0.3)) {
      return `${sentence.slice(0, -1)}, notamment en matière de ${this.term()}.`
    }
    return sentence
  }

  paragraph() {
    const r = this.r
    const n = r.int(3, 6)
    const sentences = []
    for (let i = 0; i < n; i++) {
      const roll = r.next()
      if (roll < 0.45) sentences.push(this.figureSentence())
      else if (roll < 0.65) sentences.push(this.contextSentence())
      else sentences.push(this.plainSentence())
    }
    return wrap(sentences.join(' '))
  }

  /** A bulleted or numbered list; `force` (true: numbered, false: bulleted) overrides the draw, which is made either way. */
  list(force) {
    const r = this.r
    const drawn = r.chance(0.35)
    const ordered = force ?? drawn
    const intro = `${r.pick(['Plusieurs constats ressortent des travaux', 'Les professionnels relèvent notamment', 'Les mesures proposées sont les suivantes', 'On retiendra en particulier'])} ${this.citation()} :`
    const items = []
    const n = r.int(3, 6)
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : '-'
      const item = r.chance(0.5)
        ? `${percent(r)} ${r.pick(SUBJECTS)} ${r.pick(FINDINGS)} ${this.citation()}`
        : `${r.chance(0.5) ? `**${r.pick(SECTION_TITLES)}.** ${r.pick(PLAIN).slice(0, -1)}` : lower(r.pick(PLAIN)).slice(0, -1)}`
      items.push(wrap(`${marker} ${item}${i === n - 1 ? '.' : ' ;'}`, ordered ? '   ' : '  '))
    }
    return `${intro}\n\n${items.join('\n')}`
  }

  table() {
    const r = this.r
    const years = []
    const start = r.int(2016, 2020)
    const columns = r.int(3, 5)
    for (let i = 0; i < columns; i++) years.push(String(start + i))
    const rows = []
    const n = r.int(4, 8)
    const shares = r.chance(0.5)
    const offset = r.int(0, PLACES.length - 1)
    for (let i = 0; i < n; i++) {
      const label = PLACES[(offset + i) % PLACES.length].replace(/^(?:en |au |dans les |dans l’|sur les )/u, '')
      rows.push(`| ${capitalize(label)} | ${years.map(() => (shares ? percent(r) : count(r))).join(' | ')} |`)
    }
    const caption = `Source : ${r.pick(ORGS)[1]}, ${r.pick(['données annuelles', 'tableau de bord', 'bilan statistique'])} ${this.citation()}.`
    return [
      `Tableau : évolution des ${r.pick(COUNT_NOUNS)} par territoire.`,
      '',
      `| Territoire | ${years.join(' | ')} |`,
      `|---|${years.map(() => '--:').join('|')}|`,
      ...rows,
      '',
      caption
    ].join('\n')
  }

  stat() {
    const r = this.r
    this.stats++
    const id = `stat-${this.index + 1}-${this.stats}`
    this.ctx.newTargets.push(id)
    const value = r.chance(0.6) ? percent(r) : count(r)
    const key = this.key()
    const locator = r.chance(0.5) ? ` locator="p. ${r.int(2, 200)}"` : ''
    const flag = r.chance(0.25) ? ' key' : ''
    return `:::stat{#${id} value="${value}" source=${key}${locator}${flag}}\n${wrap(`${r.pick(SUBJECTS).replace(/^des /u, 'des ')} ${r.pick(FINDINGS)} ${r.pick(PLACES)}.`)}\n:::`
  }

  recommendation() {
    const r = this.r
    this.recs++
    const id = `rec-${this.index + 1}-${this.recs}`
    this.ctx.newTargets.push(id)
    // Drawn as before (the same text follows), but each axis in turn: a short report with an
    // axis no recommendation names gets an `empty-axis` warning.
    r.pick(['prevention', 'detection', 'sanction'])
    const axis = ['prevention', 'detection', 'sanction'][(this.ctx.recommendations = (this.ctx.recommendations ?? 0) + 1) % 3]
    const actors = r.pick(['État', 'Plateformes', 'Législateur', 'Collectivités, associations', 'Éducation nationale', 'Entreprises du numérique'])
    return [
      `:::recommendation{#${id} axis=${axis} actors="${actors}"}`,
      `### ${r.pick(REC_TITLES)}`,
      '',
      this.paragraph(),
      ':::'
    ].join('\n')
  }

  viewpoint() {
    const r = this.r
    const [author, role] = r.pick(PEOPLE)
    const sentences = []
    for (let i = 0; i < r.int(4, 7); i++) {
      sentences.push(r.chance(0.3) ? `Dans ma pratique, je vois environ ${r.int(5, 60)} situations de ce type chaque mois.` : r.chance(0.5) ? r.pick(QUOTES) : r.pick(PLAIN))
    }
    return `:::viewpoint{author="${author}" role="${role}"}\n${wrap(sentences.join(' '))}\n:::`
  }

  callout() {
    const r = this.r
    return `:::callout{title="${r.pick(['À retenir', 'Repère', 'Un exemple étranger', 'Ce que dit le droit'])}"}\n${this.paragraph()}\n:::`
  }

  quote() {
    const r = this.r
    return `> « ${r.pick(QUOTES)} ${r.pick(QUOTES)} »\n> (${r.pick(PEOPLE).join(', ')}) ${this.citation()}`
  }

  block() {
    const roll = this.r.next()
    if (roll < 0.58) return this.paragraph()
    if (roll < 0.68) return this.list()
    if (roll < 0.75) return this.table()
    if (roll < 0.83) return this.stat()
    if (roll < 0.88) return this.recommendation()
    if (roll < 0.92) return this.viewpoint()
    if (roll < 0.96) return this.callout()
    return this.quote()
  }

  write(targetBytes) {
    const r = this.r
    const theme = CHAPTER_THEMES[this.index % CHAPTER_THEMES.length]
    const parts = [`---\nid: ${this.id}\n---`, `# Chapitre ${this.index + 1} : ${capitalize(theme)}`, this.paragraph()]
    let size = parts.join('\n\n').length
    let sectionBlocks = 0
    while (size < targetBytes) {
      let block
      if (sectionBlocks === 0 || (sectionBlocks > 6 && r.chance(0.15))) {
        block = `## ${r.pick(SECTION_TITLES)}`
        sectionBlocks = 1
      } else if (sectionBlocks > 3 && r.chance(0.08)) {
        block = `### ${r.pick(SECTION_TITLES)}`
        sectionBlocks++
      } else {
        block = this.block()
        sectionBlocks++
      }
      parts.push(block)
      size += block.length + 2
    }
    if (this.footnotes.length) parts.push(this.footnotes.join('\n'))
    this.ctx.refTargets.push(this.id, ...this.ctx.newTargets)
    this.ctx.newTargets = []
    return parts.join('\n\n') + '\n'
  }
}

export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function lower(text) {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/**
 * Hard-wrap prose at ~100 columns, as writers do; `indent` continues list items. Never breaks
 * inside a number (`100 000`, `42 %`), and never starts a line with something Markdown would read
 * as a block marker (`1.`, `-`, `>`, `#`, `|`).
 */
export function wrap(text, indent = '') {
  const words = text.split(/(?<!\d) (?![\d%])/u)
  const lines = []
  let line = ''
  for (const word of words) {
    const marker = /^(?:\d+[.)]|[-+*>#|]|:::)$/u.test(word.split(' ')[0])
    if (line && line.length + word.length + 1 > 100 && !marker) {
      lines.push(line)
      line = indent + word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------------

/**
 * Generate the project into `dir` (wiped first). Returns {dir, markdownBytes, files, chapters}.
 */
/** The generated project's rapporteur.yaml, in the shape of report/rapporteur.yaml. */
export function projectConfig({header, subtitle, chapterFiles}) {
  return `# ${header} : ne pas éditer à la main.
title: L'IA générative, nouvelle arme de la pédocriminalité
subtitle: ${subtitle}
organisation: Fondation pour l'Enfance
lang: fr
date: 2026-02
authors: [Fondation pour l'Enfance]
contact:
  name: Angèle Lefranc, chargée de plaidoyer, Fondation pour l'Enfance
  email: angele.lefranc@fondation-enfance.org
  url: https://fondation-enfance.org
  address: 23, place Victor Hugo, 94 270 Kremlin-Bicêtre
  phone: 01 43 90 63 10
axes:
  - {id: prevention, label: Prévention}
  - {id: detection, label: Détection}
  - {id: sanction, label: Sanction}
editions:
  full:
    title: Rapport complet
    files:
${chapterFiles.map((name) => `      - ${name}`).join('\n')}
    output: rapport
  synthesis:
    title: Synthèse
    files: [synthese.md]
    output: synthese
sources: sources.yaml
glossary: glossary.yaml
theme: default
citations:
  style: notes
print:
  size: A4
  margins: {top: 20mm, bottom: 25mm, inside: 22mm, outside: 18mm}
  bleed: 0mm
  marks: false
  chapterStart: right
check:
  figures:
    scope: sentence
  sources:
    maxAgeYears: 10
  html: false
`
}

export function generateCorpus({dir = join(tmpdir(), 'rapporteur-bench-corpus'), chapters = 100, chapterKb = 40, seed = 20260210, sources: sourceCount = 320} = {}) {
  const r = makeRandom(seed)
  const sources = makeSources(r, sourceCount)
  const glossary = makeGlossary(r)
  const ctx = {sources, glossary, nextUnused: 0, nextTerm: 0, refTargets: [], newTargets: []}

  rmSync(dir, {recursive: true, force: true})
  mkdirSync(join(dir, 'chapters'), {recursive: true})

  const chapterFiles = []
  let markdownBytes = 0
  for (let i = 0; i < chapters; i++) {
    const writer = new ChapterWriter(r, ctx, i)
    const target = Math.round(chapterKb * 1024 * (0.85 + r.next() * 0.3))
    const text = writer.write(target)
    const name = `chapters/${String(i + 1).padStart(3, '0')}-${writer.id}.md`
    writeFileSync(join(dir, name), text)
    markdownBytes += Buffer.byteLength(text)
    chapterFiles.push(name)
  }

  const synthesis = [
    '# Synthèse',
    wrap(`Ce rapport réunit les constats de ${chapters} chapitres sur la protection des mineurs face à l’${':term[IA générative]'} [@${sources[0].id}].`.replace(/de \d+ chapitres/u, 'de nombreux chapitres')),
    '## Les chiffres clés',
    '::keyfigures',
    '## Nos recommandations',
    '::recommendations'
  ].join('\n\n') + '\n'
  writeFileSync(join(dir, 'synthese.md'), synthesis)
  markdownBytes += Buffer.byteLength(synthesis)

  const config = projectConfig({header: `Projet généré par bench/generate.js (seed ${seed})`, subtitle: "Rapport de référence pour le banc d'essai", chapterFiles})
  writeFileSync(join(dir, 'rapporteur.yaml'), config)
  writeFileSync(join(dir, 'sources.yaml'), `# ${sources.length} sources générées.\n\n${sources.map((s) => s.yaml).join('\n\n')}\n`)
  writeFileSync(join(dir, 'glossary.yaml'), `${glossary.map((g) => g.yaml).join('\n\n')}\n`)

  return {dir, markdownBytes, files: [...chapterFiles, 'synthese.md'], chapters: chapterFiles.length, sources: sources.length, terms: glossary.length}
}

/**
 * A generator's command-line options: `--out DIR` as `dir`, and the numeric `--kebab-name N` given
 * in `numeric` as `kebabName`. Unknown arguments are ignored.
 */
export function generatorOptions(argv, numeric) {
  const {values} = parseArgs({args: argv, options: Object.fromEntries(['out', ...numeric].map((name) => [name, {type: 'string'}])), strict: false, allowPositionals: true})
  const options = {}
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue
    if (name === 'out') options.dir = value
    else options[name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase())] = Number(value)
  }
  return options
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = generateCorpus(generatorOptions(process.argv.slice(2), ['chapters', 'chapter-kb', 'seed']))
  console.log(`${result.dir}: ${result.files.length} Markdown files, ${(result.markdownBytes / 1024 / 1024).toFixed(2)} MB of Markdown (${result.markdownBytes} bytes), ${result.sources} sources, ${result.terms} terms`)
}
