#!/usr/bin/env bash
# Runs one main class of a module with plain java, so that arguments keep their quoting and the exit
# status is the program's own. It builds the module (and the modules it needs) with the Maven Wrapper
# first, but only when a source or a pom changed since the last build: an unchanged lab starts at once.
#   .mvn/run-java.sh MODULE MAIN_CLASS [program arguments...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"; main="$2"; shift 2
cpfile="$root/$module/target/runtime-classpath.txt"

# what the module is built from: itself, the shared modules, and for a solution its lab
inputs=("$root/$module" "$root/lab-support" "$root/netcat-sim" "$root/pom.xml" "$root/.mvn/spark-jvm.options")
case "$module" in
  solutions/*) inputs+=("$root/labs/${module#solutions/}" "$root/solutions/pom.xml") ;;
  labs/*) inputs+=("$root/labs/pom.xml") ;;
  grading) inputs+=("$root/stream-harness") ;;
esac
stale() {
  [ -f "$cpfile" ] || return 0
  [ -n "$(find "${inputs[@]}" -path '*/target' -prune -o -newer "$cpfile" -type f -print -quit 2>/dev/null)" ]
}

if stale; then
  log="$(mktemp "${TMPDIR:-/tmp}/streamlab-build.XXXXXX")"
  trap 'rm -f "$log"' EXIT
  echo "Building $module ..." >&2
  if ! "$root/mvnw" -q -B -f "$root/pom.xml" -pl "$module" -am compile dependency:build-classpath \
       -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >"$log" 2>&1; then
    cat "$log" >&2
    echo "The build of $module failed (see above): fix the compile error first." >&2
    exit 2
  fi
  touch "$cpfile" # the build's time: later edits make it stale again
fi
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
trap - EXIT
exec "$java_bin" -Xmx2g @"$root/.mvn/spark-jvm.options" \
  -cp "$root/$module/target/classes:$(cat "$cpfile")" "$main" "$@"
