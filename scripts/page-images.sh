#!/usr/bin/env bash
# Regenerate the page images shown in the README from a fresh build of the sample report.
# Needs pdftoppm (Debian: apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
node bin/rapporteur.js build report --format pdf >/dev/null
tmp=$(mktemp -d)
pdftoppm -r 70 -png report/dist/rapport.pdf "$tmp/r"
pdftoppm -r 70 -png report/dist/synthese.pdf "$tmp/s"
cp "$tmp/r-01.png" docs/images/rapport-couverture.png
cp "$tmp/r-03.png" docs/images/rapport-ouverture-chapitre.png
cp "$tmp/r-09.png" docs/images/rapport-point-de-vue-et-notes.png
cp "$tmp/r-16.png" docs/images/rapport-recommandations.png
cp "$tmp/s-3.png" docs/images/synthese-premiere-page.png
rm -rf "$tmp"
echo "docs/images/ updated"
