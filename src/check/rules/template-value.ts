import {defineRule} from '../rule.js'

export const templateValue = defineRule({
  id: 'template-value',
  severity: 'error',
  summary: "The project's templates write the values templates receive, and place HTML with three braces.",
  docs: `A project's templates (\`theme/templates/document.html\`, \`cover.html\`, \`back-cover.html\`) are Mustache:
a name the view does not have prints nothing (\`{{titel}}\`, \`{{labels.skp}}\`, \`{{#stylesheet}}\`: the title, a
word or every stylesheet gone without a word), and HTML written with two braces is escaped: \`{{main}}\` prints
the chapters as their HTML source. \`check\` resolves each name of the project's templates as Mustache does,
through the sections it stands in (\`{{#stylesheets}}{{href}}{{/stylesheets}}\`), against what templates
receive ([the list](../designers.md#template-values)), and reports a name nothing gives, with the closest
one, a partial the theme does not have (\`{{> couverture}}\`; it has \`cover\` and \`backCover\`), and \`{{toc}}\`
or \`{{main}}\` with two braces.`,
  examples: {
    ok: [{'theme/templates/cover.html': '<header class="rp-cover">\n  <p>{{organisation}}</p>\n  <h1 class="rp-cover__title">{{title}}</h1>\n  {{#subtitle}}<p>{{subtitle}}</p>{{/subtitle}}\n  <p><a href="#main">{{labels.skip}}</a> {{dateText}}</p>\n</header>\n'}],
    notOk: [
      {'theme/templates/cover.html': '<header class="rp-cover">\n  <h1 class="rp-cover__title">{{titel}}</h1>\n  <p>{{labels.skp}}</p>\n</header>\n'},
      {'theme/templates/document.html': '<!doctype html>\n<html lang="{{lang}}">\n<head>\n  {{#stylesheets}}<link rel="stylesheet" href="{{href}}">{{/stylesheets}}\n</head>\n<body class="{{bodyClass}}">\n  <main>{{main}}</main>\n</body>\n</html>\n'}
    ]
  },
  check({model, report}) {
    for (const problem of model.templateValues) {
      if (problem.problem === 'unknown-partial') report(problem, `Unexpected partial \`{{> ${problem.name}}}\`, expected one the theme has, \`{{> cover}}\` or \`{{> backCover}}\`${problem.closest}: Mustache prints nothing for it`)
      else if (problem.problem === 'escaped-html') report(problem, `Unexpected \`{{${problem.name}}}\` with two braces, expected \`{{{${problem.name}}}}\`: with two, Mustache escapes the HTML, and the page prints it as source`)
      else report(problem, `Unexpected template value \`${problem.name}\`, expected one templates receive${problem.closest}: Mustache prints nothing for it`)
    }
  }
})
