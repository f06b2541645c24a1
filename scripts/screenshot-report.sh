#!/usr/bin/env bash
# Renders a report.html in headless Chromium to a PNG and checks that every plot was laid out visibly with data in it.
#
#   scripts/screenshot-report.sh REPORT.html [OUT.png]
#
# The report's inline script records on <body> how many plots it holds (data-plots), how many were given data and laid
# out with a non-empty box inside the page (data-visible-plots), and the page's scroll width (data-page-width); the DOM
# dump shows all three. Exit status 0 when every plot is visible and the page is at most 1400 px wide (no sideways
# scrolling in a 1400 px window).
# Reports come from `accelsim run|sweep|compare ... --out DIR` (DIR/report.html); synthetic samples from
#   dotnet test tests/AccelSim.Tests --filter "FullyQualifiedName~Report"
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
width="$(sed -n 's/.*data-page-width="\([0-9]*\)".*/\1/p' <<<"$body")"
if [[ -z "$plots" || -z "$visible" || -z "$width" ]]; then
  echo "FAIL: the report's check script did not run (no counts on <body>)" >&2
  exit 1
fi
echo "plots: $plots, visible and non-empty: $visible, page width: $width px"
if [[ "$width" -gt 1400 ]]; then
  echo "FAIL: the page is $width px wide (more than 1400: it scrolls sideways)" >&2
  exit 1
fi
if [[ "$plots" -eq 0 || "$visible" -ne "$plots" ]]; then
  echo "FAIL: some plots are missing, empty or not laid out" >&2
  exit 1
fi
echo "OK"
