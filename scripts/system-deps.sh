#!/usr/bin/env bash
# Installs the system packages the project needs and says what it installs:
#   openjdk-17-jre-headless  DynamoDB Local (a Java program) for `npm start` and the data tests
#   chromium                 the browser tests drive Debian's Chromium with playwright-core
#   fonts-noto-cjk           Chinese text in screenshots (otherwise it renders as boxes)
# Exits non-zero if anything is still missing afterwards: a test that cannot run must fail.
set -euo pipefail

missing=()
java_version=$(java -version 2>&1 || true)
java_major=$(sed -n 's/.*version "\([0-9]*\).*/\1/p' <<<"${java_version}" | sed -n 1p)
if [ -z "${java_major}" ] || [ "${java_major}" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# (Font list read into a variable first: `fc-list | grep -q` dies of SIGPIPE under pipefail.)
fonts=$(fc-list 2>/dev/null || true)
[[ "${fonts}" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)

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

java -version 2>&1 | sed -n 1p
chromium --version
fonts=$(fc-list 2>/dev/null || true)
if [[ "${fonts}" == *"Noto Sans CJK"* ]]; then echo "fonts-noto-cjk: present"; else echo "fonts-noto-cjk: still missing" >&2; exit 1; fi
