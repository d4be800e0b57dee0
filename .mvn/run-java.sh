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
  if [ -f "$cpfile" ]; then
    echo "Building $module (a source changed; 10 to 30 s) ..." >&2
  elif [ -d "$root/lab-support/target/classes" ] || [ -d "$HOME/.m2/repository/org/apache/spark/spark-sql_2.13" ]; then
    echo "Building $module for the first time (about 30 s) ..." >&2
  else
    echo "Building $module for the first time: Maven fetches Spark and the other libraries (about 300 MB, once)" >&2
    echo "and compiles the lab; 1 to 3 minutes on a fresh machine, depending on the network ..." >&2
  fi
  started=$SECONDS
  # test-compile, not compile: a solution's module depends on its lab's graded tests (a test-jar), which
  # Maven's reactor hands over as the lab's compiled test classes only once they are compiled
  if ! "$root/mvnw" -q -B -f "$root/pom.xml" -pl "$module" -am test-compile dependency:build-classpath \
       -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >"$log" 2>&1; then
    cat "$log" >&2
    echo "The build of $module failed (see above): fix the compile error first." >&2
    exit 2
  fi
  echo "Built in $((SECONDS - started)) s." >&2
  rm -f "$log"
  touch "$cpfile" # the build's time: later edits make it stale again
fi
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
trap - EXIT

# A lab program maps Spark's classes from a class-data archive instead of loading them one by one: it starts
# in about half the time. Java 17 records classes from jars only, and an archive fits every classpath that
# begins with the jars it was recorded with: so the libraries every lab has (lab-support's) come first, in
# one order, then the lab's own libraries, then the project's classes. The archive is recorded once by a
# short run of both APIs (.mvn/SparkClassesTraining.java); without one the lab starts as it always did.
jvm=(-Xmx2g @"$root/.mvn/spark-jvm.options")
classpath="$root/$module/target/classes:$(cat "$cpfile")"
case "$module" in
  labs/*|solutions/*) # a lab's program: with C1 alone no C2 compiler threads compete with Spark for the cores at
    # the start (the demo's first counts 1 to 2 s sooner), and a lab's small streams never need C2's faster code
    shared="$root/lab-support/target/runtime-classpath.txt"; jvm+=(-XX:TieredStopAtLevel=1) ;;
  grading) shared=""; jvm+=(-XX:TieredStopAtLevel=1) ;; # the grader compiles and waits: C1's quick code suits it
  *) shared="" ;; # the grader and the benchmark start Spark in JVMs of their own
esac
if [ -n "$shared" ] && [ -f "$shared" ]; then
  entries="$(tr ':' '\n' <<<"$classpath")"
  common="$(tr ':' '\n' <"$shared" | grep -F '.jar' | grep -vF "$root/" \
    | grep -Fx -e "$entries" || true)"
  if [ -n "$common" ]; then
    others="$(grep -Fvx -e "$common" <<<"$entries" || true)"
    prefix="$(tr '\n' ':' <<<"$common")"; prefix="${prefix%:}"
    classpath="$prefix:$(tr '\n' ':' <<<"$others")"; classpath="${classpath%:}"
    archives="$root/target/class-data"
    archive="$archives/labs-$( { echo "$prefix"; "$java_bin" -version 2>&1; } | cksum | cut -d' ' -f1).jsa"
    quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
    if [ ! -f "$archive" ] && [ ! -f "$archive.failed" ] && mkdir -p "$archives"; then
      echo "Recording Spark's classes for a faster start (once, about 40 s) ..." >&2
      trap 'rm -f "$archive.$$"' EXIT
      if "$java_bin" "${jvm[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$archive.$$" -cp "$prefix" \
           "$root/.mvn/SparkClassesTraining.java" >"$archives/training.log" 2>&1 && [ -f "$archive.$$" ]; then
        mv -f "$archive.$$" "$archive"
      else
        touch "$archive.failed"
        echo "Could not record them (see $archives/training.log): the lab starts without." >&2
      fi
      trap - EXIT
    fi
    if [ -f "$archive" ]; then jvm+=("${quiet[@]}" -XX:SharedArchiveFile="$archive"); fi
  fi
fi
exec "$java_bin" "${jvm[@]}" -cp "$classpath" "$main" "$@"
