/**
 * A small project with one figure of each status a reviewer acts on, an unused source, and hostile
 * text in every place the page shows report text: a heading, a sentence, a source title and URL,
 * a waiver reason. Laid over test/helpers/project.ts's base project.
 */
export const auditFixture: Record<string, string> = {
  'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  url: https://example.org/enquete
- id: orpheline
  type: report
  title: Rapport que personne ne cite
  author: Personne
  date: 2023
  DOI: 10.5555/orpheline.2023
- id: piege
  type: webpage
  title: '<script>alert("titre")</script> & "guillemets"'
  author: '<b>Auteur</b>'
  date: 2025
  url: 'javascript:alert(1)'
`,
  'chapters/intro.md': `# Introduction <img src=x onerror=alert(1)>

Un constat [@enquete-2024] sur la :term[sextorsion].

En 2024, 40 % des \\<script>alert("phrase")\\</script> victimes ont porté plainte [@enquete-2024, p. 12].

Près de 3 000 cas restent sans suite.

:waive[Sur 10 élèves]{reason="<b>exemple</b> fictif"}, aucun ne connaît le numéro d'écoute.

Une hausse de 25 % est signalée [@piege].
`
}
