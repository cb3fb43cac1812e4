#!/usr/bin/env bash
# Installs the system packages the project needs and says what it installs:
#   openjdk-17-jre-headless  DynamoDB Local (a Java program) for `npm start` and the data tests
#   chromium                 the browser tests drive Debian's Chromium with playwright-core
#   fonts-noto-cjk           Chinese text in screenshots (otherwise it renders as boxes)
# Exits non-zero if anything is still missing afterwards: a test that cannot run must fail.
set -euo pipefail

missing=()
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)
if [ -z "${java_major}" ] || [ "${java_major}" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: Java ${java_major}, Chromium and CJK fonts are present."
  exit 0
fi

echo "system-deps: installing with apt-get: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: not root; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true

java -version 2>&1 | head -1
chromium --version
fc-list | grep -qi 'Noto Sans CJK' && echo "fonts-noto-cjk: present"
