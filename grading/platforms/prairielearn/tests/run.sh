#!/usr/bin/env bash
# PrairieLearn's entrypoint for a question graded with this lab's grader (the question's tests/ folder):
# grades /grade/student into /grade/results/results.json inside the image built by
# grading/platforms/prairielearn/Dockerfile. Options go to `./grade prairielearn`: give the question's lab,
#   "entrypoint": "/grade/tests/run.sh --labs 01"
# STREAMLAB_PRAIRIELEARN_ROOT stands for /grade (to try it elsewhere). Tests still running after
# STREAMLAB_SUBMISSION_MINUTES (4) count as not run, so that the results are written before the question's
# "timeout" (300 s in info.json; at most 600) stops the container: raise both together.
set -uo pipefail
root="${STREAMLAB_PRAIRIELEARN_ROOT:-/grade}"
source_dir="${STREAMLAB_SOURCE:-/autograder/source}"
cd "$source_dir"
./grade prairielearn --root "$root" --submission-timeout "${STREAMLAB_SUBMISSION_MINUTES:-4}" "$@"
if [ ! -s "$root/results/results.json" ]; then
  mkdir -p "$root/results"
  cat >"$root/results/results.json" <<'JSON'
{"gradable": true, "score": 0, "message": "The grader could not start, so this submission got no points. Please tell your instructor.", "tests": []}
JSON
fi
exit 0
