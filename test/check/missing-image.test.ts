import {expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

const findings = ruleFindings('missing-image')
const gif = 'GIF89ad\u00002\u0000\n'
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'

test('a missing image names the file most likely meant: the same path in another case, or a close name', async () => {
  expect(await findings({'chapters/intro.md': `${base}![Carte](Images/Carte.GIF)\n\n![Plan](images/plans.gif)\n\n![Rien](images/zzz.gif)\n`, 'images/carte.gif': gif, 'images/plan.gif': gif})).toEqual([
    'chapters/intro.md:3:1 Unexpected missing image `Images/Carte.GIF`, expected a file at `chapters/Images/Carte.GIF` or `Images/Carte.GIF`, did you mean `images/carte.gif`? (names are read letter case and all, as on the web)',
    'chapters/intro.md:5:1 Unexpected missing image `images/plans.gif`, expected a file at `chapters/images/plans.gif` or `images/plans.gif`, did you mean `images/plan.gif`?',
    'chapters/intro.md:7:1 Unexpected missing image `images/zzz.gif`, expected a file at `chapters/images/zzz.gif` or `images/zzz.gif`'
  ])
})
