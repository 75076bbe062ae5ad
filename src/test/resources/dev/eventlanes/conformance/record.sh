#!/usr/bin/env bash
# Records NN_name.expected for each NN_name.py given, with the real libraries:
#   asyncio and trio: Debian 12's /usr/bin/python3 (CPython 3.11.2) and python3-trio (0.22);
#   anyio: anyio 4.8 from Debian 13's python3-anyio package, unpacked into $ANYIO4 (Debian 12
#   ships anyio 3.6.2, which wakes Event.wait() one scheduler pass later than anyio 4).
# A program is kept only if five runs print exactly the same thing.
set -euo pipefail
ANYIO4=${ANYIO4:-/opt/anyio4}
if [ ! -d "$ANYIO4/anyio" ]; then
  apt-get install -y -q python3-trio python3-sniffio >/dev/null
  tmp=$(mktemp -d)
  mkdir -p "$tmp/lists" "$tmp/cache" "$tmp/x"
  # Debian 12's own package source, pointed at Debian 13 for this one download.
  sed 's/^Suites:.*/Suites: trixie/' /etc/apt/sources.list.d/debian.sources | awk '/^$/{exit} {print}' > "$tmp/trixie.sources"
  opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$tmp" -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache")
  apt-get "${opts[@]}" update -q >/dev/null
  (cd "$tmp" && apt-get "${opts[@]}" download python3-anyio python3-typing-extensions python3-idna >/dev/null 2>&1)
  for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$tmp/x"; done
  mkdir -p "$ANYIO4"
  cp -r "$tmp"/x/usr/lib/python3/dist-packages/* "$ANYIO4/"
fi
for f in "$@"; do
  want="${f%.py}.expected"
  PYTHONPATH="$ANYIO4" /usr/bin/python3 "$f" > "$want.tmp" 2>/dev/null || true
  for i in 2 3 4 5; do
    PYTHONPATH="$ANYIO4" /usr/bin/python3 "$f" 2>/dev/null | cmp -s - "$want.tmp" || { echo "$f: output changes between runs, not kept"; rm -f "$want.tmp"; continue 2; }
  done
  mv "$want.tmp" "$want"
  echo "$f: recorded $(wc -l < "$want") lines"
done
