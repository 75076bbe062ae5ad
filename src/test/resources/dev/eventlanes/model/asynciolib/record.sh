#!/bin/sh
# Re-records the expected output of every scenario with the real CPython 3.11 asyncio.
cd "$(dirname "$0")" || exit 1
for f in [0-9][0-9]_*.py; do
    /usr/bin/python3 "$f" > "${f%.py}.expected" 2>/dev/null || echo "$f failed" >&2
done
