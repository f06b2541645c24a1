#!/usr/bin/env bash
# Renders a report.html in headless Chromium to a PNG and checks that every plot was laid out visibly with data in it.
#
#   scripts/screenshot-report.sh REPORT.html [OUT.png]
#
# The report's inline script records on <body> how many plots it holds (data-plots) and how many have a non-empty
# box and at least one data mark (data-visible-plots); the DOM dump shows both. Exit status 0 when they match.
# A sample report comes from: dotnet test tests/AccelSim.Tests --filter "FullyQualifiedName~Report"
#   (written to ${TMPDIR:-/tmp}/accelsim-plots-sample/{small,large}/report.html).
set -euo pipefail

report="${1:?usage: $0 REPORT.html [OUT.png]}"
out="${2:-${report%.html}.png}"
[[ -f "$report" ]] || { echo "no such file: $report" >&2; exit 2; }
report_url="file://$(realpath "$report")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)..." >&2
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# Flags: no sandbox (containers run as root), no GPU, and nothing that phones home.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,4000)

chromium "${flags[@]}" --screenshot="$(realpath -m "$out")" "$report_url" 2>/dev/null
echo "screenshot: $out"

dom="$(chromium "${flags[@]}" --dump-dom "$report_url" 2>/dev/null)"
body="$(grep -o '<body[^>]*>' <<<"$dom" | head -1)"
plots="$(sed -n 's/.*data-plots="\([0-9]*\)".*/\1/p' <<<"$body")"
visible="$(sed -n 's/.*data-visible-plots="\([0-9]*\)".*/\1/p' <<<"$body")"
if [[ -z "$plots" || -z "$visible" ]]; then
  echo "FAIL: the report's check script did not run (no counts on <body>)" >&2
  exit 1
fi
echo "plots: $plots, visible and non-empty: $visible"
if [[ "$plots" -eq 0 || "$visible" -ne "$plots" ]]; then
  echo "FAIL: some plots are missing, empty or not laid out" >&2
  exit 1
fi
echo "OK"
