#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image from the zip (./grade
# gradescope-zip), unpacked in /autograder/source. It installs a JDK 17 from Ubuntu's packages and builds the
# grader with the Maven Wrapper, which fetches Maven and every library once: grading downloads nothing. Then it
# grades the untouched skeletons of lab 01 once, which records the class-data archive every grading JVM maps.
# PrairieLearn's image (grading/platforms/prairielearn/Dockerfile) runs it too.
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive
if ! java -version 2>&1 | grep -q 'version "17'; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless ca-certificates >/dev/null
fi
cd "$source_dir"
# a zip keeps no file modes
chmod +x grade check lab demo bench mvnw .mvn/run-java.sh grading/platforms/*/run_autograder \
  grading/platforms/prairielearn/tests/run.sh 2>/dev/null || true
if [ -f /autograder/run_autograder ]; then chmod +x /autograder/run_autograder; fi
warm="$(mktemp -d)"
./grade submission labs --labs 01 --out "$warm" >"$warm.log" 2>&1 || { cat "$warm.log"; exit 1; }
tail -n 5 "$warm.log"
rm -rf "$warm" "$warm.log"
echo "The grader is built; grading needs no network."
