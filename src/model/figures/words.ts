import {fractionWords, multiplierVerbs, scaleWordValues, unitWords, vulgarFractions} from './lexicon.js'

/**
 * Figures written in words, French and English: fractions and ratios (`un enfant sur cinq`,
 * `deux tiers`, `half of`), counts and amounts of a hundred or more (`douze millions`,
 * `twelve million`), percentages (`vingt pour cent`) and multipliers (`deux fois plus`,
 * `twice as many`, `a doublé`). Small counts (`trois associations`), ordinals, vague quantities
 * (`des milliers`, `hundreds of`) and idioms (`une fois`, `one of the`) are not figures.
 */
export interface WordFigure {
  start: number
  end: number
  /** The value as a number: a fraction as a share (`deux tiers` → 0.667), a multiplier as a factor. */
  value: number
  kind: 'fraction' | 'count' | 'percent' | 'multiplier'
}

interface Token {
  start: number
  end: number
  /** Lower case, elision removed (`d'un` → `un`). */
  word: string
  /** Punctuation or a digit stands between this word and the one before. */
  detached: boolean
}

// A soft hyphen (U+00AD, pasted from Word: `Sep­tante`) is invisible and splits no word.
const tokenPattern = /[\p{L}][\p{L}\u00AD'’-]*/gu

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  tokenPattern.lastIndex = 0
  for (let match = tokenPattern.exec(text); match; match = tokenPattern.exec(text)) {
    const raw = match[0].replace(/['’\u00AD-]+$/u, '')
    // The replace only where there is one: tokenize runs on every word of the report.
    let word = raw.includes('\u00AD') ? raw.toLowerCase().replace(/\u00AD/gu, '') : raw.toLowerCase()
    let start = match.index
    const elided = /^(?:l|d|qu|j|n|s|c|jusqu|lorsqu|puisqu)['’](.+)$/u.exec(word)
    if (elided) {
      start += word.length - elided[1]!.length
      word = elided[1]!
    }
    const previousEnd = tokens.at(-1)?.end ?? 0
    tokens.push({start, end: match.index + raw.length, word, detached: /[^\p{L}\s'’-]/u.test(text.slice(previousEnd, match.index))})
  }
  return tokens
}

/** A run of number words from `index`: its value, where it ends, and whether it holds a scale word. */
function numberRun(tokens: readonly Token[], index: number): {value: number; next: number; scale: boolean; units: number} | undefined {
  let total = 0
  let current = 0
  let scale = false
  let units = 0
  let next = index
  for (; next < tokens.length; next++) {
    if (next > index && tokens[next]!.detached) break
    const parts = tokens[next]!.word.split('-')
    // `two and a half million`: a half more, before the scale word it multiplies.
    if (parts[0] === 'and' && next > index && current > 0 && tokens[next + 1]?.word === 'a' && tokens[next + 2]?.word === 'half' && scaleWordValues.has(tokens[next + 3]?.word ?? '')) {
      current += 0.5
      next += 2
      continue
    }
    // `vingt et un`, `one hundred and five`: a joiner inside a run, never at its edges.
    if ((parts[0] === 'et' || parts[0] === 'and') && next > index && isNumberWord(tokens[next + 1]?.word)) continue
    // `et` joins inside a compound only (`vingt-et-un`).
    if (!parts.every((part) => unitWords.has(part) || scaleWordValues.has(part) || (part === 'et' && parts.length > 1))) break
    // `a` counts only before a scale word: `a million`, `a hundred`.
    if (parts.length === 1 && parts[0] === 'a' && !scaleWordValues.has(tokens[next + 1]?.word ?? '')) break
    for (const part of parts) {
      if (part === 'et') continue
      const unit = unitWords.get(part)
      if (unit !== undefined) {
        // `quatre-vingt`: four twenties.
        current = unit === 20 && current === 4 ? 80 : current + unit
        units++
        continue
      }
      const factor = scaleWordValues.get(part)!
      scale = true
      if (factor === 100) current = (current || 1) * 100
      else {
        total += (current || 1) * factor
        current = 0
      }
    }
  }
  if (next === index) return undefined
  return {value: total + current, next, scale, units}
}

function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && word.split('-').every((part) => unitWords.has(part) || scaleWordValues.has(part))
}

const percentAfter = (tokens: readonly Token[], index: number) => {
  const [first, second] = [tokens[index]?.word, tokens[index + 1]?.word]
  if (first === 'pour-cent' || first === 'percent' || first === 'per-cent') return index + 1
  if ((first === 'pour' || first === 'per') && second === 'cent') return index + 2
  // `four percentage points`, `trois points de pourcentage`.
  if (first === 'percentage' && (second === 'point' || second === 'points')) return index + 2
  if ((first === 'point' || first === 'points') && second === 'de' && tokens[index + 2]?.word === 'pourcentage') return index + 3
  return undefined
}

const timeWords = /^(?:ans|années|mois|jours|semaines|heures|siècles|years|months|weeks|days|hours|decades|centuries)$/u
const comparatives = /^(?:plus|moins|davantage|supérieure?s?|inférieure?s?|more|less|fewer|higher|lower|greater|larger|smaller|as|likelier|faster|slower|the)$/u
const ofWords = /^(?:de|des|du|of)$/u
const halfFollowers = /^(?:of|the|their|its|all|these|those|our|his|her|them)$/u
const halfLeads = /^(?:than|nearly|almost|about|around|over|roughly|just|under|some|barely|only|exactly)$/u

/**
 * A figure in words always holds one of these: a number word past one, a scale, fraction or
 * multiplier word. Most prose holds none, and is passed over without being split into words.
 */
const trigger = new RegExp(
  `(?:${[...unitWords.keys()].filter((word) => !['un', 'une', 'a', 'one'].includes(word)).join('|')}|${[...scaleWordValues.keys(), ...fractionWords.keys()].join('|')}|doubl|tripl|trebl|quadrupl|quintupl|halved|twice|multipli|divis|percent|fold|factor)`,
  'iu'
)

/** Every figure written in words in `text`, in order. */
export function findWordFigures(text: string): WordFigure[] {
  if (!trigger.test(text.includes('\u00AD') ? text.replace(/\u00AD/gu, '') : text)) return []
  const tokens = tokenize(text)
  const found: WordFigure[] = []
  const at = (index: number) => tokens[index]?.word ?? ''
  const push = (from: number, to: number, value: number, kind: WordFigure['kind']) => {
    const start = tokens[from]!.start
    // A scale word right after digits multiplies them (`3 millions`, `12 cents`, `1¼ million`): the
    // digits' figure. Another number word starts a figure of its own, also after a paragraph's
    // number (`§ 18 Quatre enfants sur dix`, `[Point 17]{#par-17} La moitié des recours`).
    const before = text.slice(Math.max(0, start - 3), start).trimEnd()
    const multiplies = scaleWordValues.has(tokens[from]!.word.split('-')[0]!)
    if (multiplies && (/\d$/u.test(before) || vulgarFractions.has(before.at(-1) ?? ''))) return
    found.push({start, end: tokens[to]!.end, value, kind})
  }
  for (let index = 0; index < tokens.length; index++) {
    const word = at(index)
    // Compound fractions: `two-thirds`, `trois-quarts`, `one-fifth`.
    const parts = word.split('-')
    if (parts.length === 2 && unitWords.has(parts[0]!) && fractionWords.has(parts[1]!)) {
      push(index, index, unitWords.get(parts[0]!)! * fractionWords.get(parts[1]!)!, 'fraction')
      continue
    }
    // `more than double`, `committed to treble`, `double the rate`: the plain form, where it multiplies.
    const plain = /^(?:double|treble|triple)$/u.exec(word)
    if (plain && (/^(?:than|to|will|would|could|may|might|almost|nearly)$/u.test(at(index - 1)) || /^(?:the|its|their|that|those|what)$/u.test(at(index + 1)))) {
      push(index, index, word === 'double' ? 2 : 3, 'multiplier')
      continue
    }
    // `doubler le nombre`, `tripler les moyens`.
    const infinitive = /^(?:doubler|tripler|quadrupler)$/u.exec(word)
    if (infinitive && /^(?:le|la|les|l|son|sa|ses|leur|leurs|ce|cette|ces)$/u.test(at(index + 1))) {
      push(index, index, word === 'doubler' ? 2 : word === 'tripler' ? 3 : 4, 'multiplier')
      continue
    }
    // `tenfold`, `five-fold`, `a threefold rise`.
    const fold = /^(\p{L}+?)-?fold$/u.exec(word)
    const times = fold ? (unitWords.get(fold[1]!) ?? scaleWordValues.get(fold[1]!)) : undefined
    if (times !== undefined && times >= 2) {
      push(index, index, times, 'multiplier')
      continue
    }
    // `by a factor of three`.
    if (word === 'factor' && at(index + 1) === 'of') {
      const run = numberRun(tokens, index + 2)
      if (run && run.value >= 2) {
        push(at(index - 1) === 'a' ? index - 1 : index, run.next - 1, run.value, 'multiplier')
        index = run.next - 1
      }
      continue
    }
    const verb = multiplierVerbs.get(word)
    if (verb !== undefined) {
      push(index, index, verb, 'multiplier')
      continue
    }
    // `twice as many`, `twice those in cities`, `almost twice that of rail`; not `twice a week`.
    if (word === 'twice' && (comparatives.test(at(index + 1)) || /^(?:that|those|what|its|their)$/u.test(at(index + 1)))) {
      push(index, index + 1, 2, 'multiplier')
      index++
      continue
    }
    if ((word === 'multiplié' || word === 'multipliée' || word === 'multipliés' || word === 'divisé' || word === 'divisée' || word === 'divisés') && at(index + 1) === 'par') {
      const run = numberRun(tokens, index + 2)
      if (run && run.value >= 2) {
        push(index, run.next - 1, word.startsWith('divis') ? 1 / run.value : run.value, 'multiplier')
        index = run.next - 1
      }
      continue
    }
    if (word === 'moitié' || word === 'half') {
      const previous = at(index - 1)
      const next = at(index + 1)
      const french = word === 'moitié' && previous !== 'à' && (previous === 'la' || previous === 'une' || previous === 'pour' || previous === 'de' || next === 'moins' || next === 'plus')
      const english = word === 'half' && !/^(?:an?|hour|day|time|way)$/u.test(next) && (halfFollowers.test(next) || halfLeads.test(previous))
      // `rose by a half`, `cut by half`.
      const byHalf = word === 'half' && at(index - (previous === 'a' ? 2 : 1)) === 'by'
      if (french || english || byHalf) push(previous === 'la' || previous === 'une' || (byHalf && previous === 'a') ? index - 1 : index, index, 0.5, 'fraction')
      continue
    }
    // `a third of`, `le quart des`, `a fifth of`.
    const byFraction = /^(?:by|de|d|roughly|about|nearly|almost|around|some|over|than|just)$/u.test(at(index - 1)) || ofWords.test(at(index + 2))
    const ofTime = /^(?:hour|heure|century|siècle|mile)$/u.test(at(index + 4)) || /^(?:hour|heure|century|siècle|mile)$/u.test(at(index + 3))
    const thirdParty = at(index + 1) === 'tiers' && (/^(?:à|par|au|aux|pour)$/u.test(at(index - 1)) || /^(?:confiance|payant|lieu|lieux)$/u.test(at(index + 3)))
    if ((word === 'a' || word === 'le' || word === 'un') && fractionWords.has(at(index + 1)) && byFraction && !ofTime && !thirdParty && at(index + 1) !== 'half' && at(index + 1) !== 'moitié') {
      push(index, index + 1, fractionWords.get(at(index + 1))!, 'fraction')
      index++
      continue
    }
    const run = numberRun(tokens, index)
    if (!run) continue
    const after = at(run.next)
    // `vingt pour cent`, `ten percent`.
    const percentEnd = percentAfter(tokens, run.next)
    // `a one percentage point rise`: a size said as an example, not a change measured.
    const example = at(run.next) === 'percentage' && /^(?:an?)$/u.test(at(index - 1))
    if (percentEnd !== undefined && !example) {
      push(index, percentEnd - 1, run.value, 'percent')
      index = percentEnd - 1
      continue
    }
    // `deux tiers`, `un quart des`, `a third of`, `three quarters`.
    const fraction = fractionWords.get(after)
    if (fraction !== undefined && !run.scale && run.value >= 1 && run.value < 10) {
      const following = at(run.next + 1)
      const timeOf = /^(?:heure|heures|hour|hours)$/u.test(at(run.next + 2)) || following === 'd’heure' || following === "d'heure" || following === 'heure'
      const needsOf = run.value === 1
      // `transmis à un tiers`, `un tiers de confiance`, `tiers payant`: a third party, not a third.
      const party = after === 'tiers' && run.value === 1 && (/^(?:à|par|au|aux|pour)$/u.test(at(index - 1)) || /^(?:confiance|payant|lieu|lieux)$/u.test(at(run.next + 2)) || /^(?:payant|lieu)$/u.test(following))
      // `un tiers d'entre eux`, `un tiers entre 22 h et 8 h`.
      if (!timeOf && !party && (!needsOf || ofWords.test(following) || following === 'entre' || following === 'among')) {
        push(index, run.next, run.value * fraction, 'fraction')
        index = run.next
      }
      continue
    }
    // `un enfant sur cinq`, `one in five`, `one child in ten`, `one in every four`.
    if (run.value >= 1 && run.value < 20 && !run.scale && at(index) !== 'a') {
      for (let gap = 0; gap <= 2; gap++) {
        const joint = run.next + gap
        const link = at(joint)
        const over = link === 'sur' || link === 'in' ? joint + 1 : link === 'out' && at(joint + 1) === 'of' ? joint + 2 : -1
        if (over === -1) continue
        const denominator = numberRun(tokens, at(over) === 'every' ? over + 1 : over)
        // `un regard sur cinq ans`: a span of time, not a ratio.
        if (denominator && denominator.value > run.value && (run.value === 1 || gap <= 1) && !timeWords.test(at(denominator.next))) {
          push(index, denominator.next - 1, 1 / denominator.value, 'fraction')
          index = denominator.next - 1
        }
        break
      }
      if (index >= run.next) continue
    }
    // `deux fois plus`, `three times as many`, `trois fois moins`.
    if ((after === 'fois' || after === 'times') && run.value >= 2 && comparatives.test(at(run.next + 1))) {
      push(index, run.next + 1, run.value, 'multiplier')
      index = run.next + 1
      continue
    }
    // `douze millions`, `trois mille`, `a million`, `deux cents familles`; not `des milliers`, `hundreds of`.
    const previous = at(index - 1)
    // `pour mille`, `per million`, `parties par million`: a rate's unit, not a count.
    if (run.scale && run.value >= 100 && previous !== 'pour' && previous !== 'per' && previous !== 'par' && !/^(?:fois|times|thanks|mercis?|ways|raisons|reasons)$/u.test(after)) {
      push(index, run.next - 1, run.value, 'count')
    }
    index = run.next - 1
  }
  return found
}
