#!/usr/bin/env python3
"""Runs this repository's composite action (action.yml) on this machine, the way a GitHub runner
would, for the integration test: `run` steps go to bash with the runner's files (GITHUB_OUTPUT,
GITHUB_PATH, GITHUB_ENV) and `${{ }}` expressions for inputs, steps, github and runner filled in;
`uses` steps are stood in for: actions/cache is skipped, github/codeql-action/upload-sarif checks
that the file is a SARIF 2.1.0 log and copies it to RUNNER_TEMP/uploaded-sarif/.

Usage: run-action.py ACTION_DIR WORKSPACE key=value...   (the action's inputs)
Prints each step and exits with the status the job would have.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml


def main():
    action_dir, workspace = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    given = dict(arg.split("=", 1) for arg in sys.argv[3:])
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for name, value in given.items():
        if name not in inputs:
            sys.exit(f"unknown input {name}")
        inputs[name] = value
    for name, spec in action["inputs"].items():
        if spec.get("required") and not inputs[name]:
            sys.exit(f"input {name} is required")
    temp = tempfile.mkdtemp(prefix="runner-temp-")
    context = {
        "inputs": inputs,
        "github": {"action_path": action_dir, "workspace": workspace, "action_ref": "local", "action_repository": "local/crrspec"},
        "runner": {"os": "Linux", "arch": "X64", "temp": temp},
        "steps": {},
    }
    path_additions = []
    job_failed = False

    def lookup(expression):
        value = context
        for part in expression.strip().split("."):
            value = value.get(part, "") if isinstance(value, dict) else ""
        return value

    def substitute(text):
        return re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", lambda m: str(evaluate(m.group(1))), str(text))

    def evaluate(expression):
        expression = expression.strip()
        if " && " in expression:
            return all(evaluate(part) for part in expression.split(" && "))
        if expression == "always()":
            return True
        if expression in ("success()",):
            return not job_failed
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expression)
        if m:
            left, op, right = (evaluate(m.group(1)), m.group(2), evaluate(m.group(3)))
            return (str(left) == str(right)) if op == "==" else (str(left) != str(right))
        if expression.startswith("'") and expression.endswith("'"):
            return expression[1:-1]
        if expression.startswith("hashFiles(") or expression.startswith("format("):
            return "x"
        return lookup(expression)

    for index, step in enumerate(action["runs"]["steps"]):
        name = substitute(step.get("name", step.get("uses", f"step {index}")))
        condition = step.get("if")
        if condition is not None:
            run_it = evaluate(condition.strip().removeprefix("${{").removesuffix("}}"))
        else:
            run_it = not job_failed
        if not run_it:
            print(f"== skip: {name}", flush=True)
            continue
        print(f"== {name}", flush=True)
        step_id = step.get("id", f"_{index}")
        outputs = {}
        if "uses" in step:
            uses = step["uses"]
            with_ = {k: substitute(v) for k, v in step.get("with", {}).items()}
            if uses.startswith("actions/cache@"):
                print("   (cache: skipped on this machine)")
            elif uses.startswith("github/codeql-action/upload-sarif@"):
                sarif = os.path.join(workspace, with_["sarif_file"])
                with open(sarif) as f:
                    log = json.load(f)
                assert log.get("version") == "2.1.0" and log.get("runs"), "not a SARIF 2.1.0 log"
                target = os.path.join(temp, "uploaded-sarif")
                os.makedirs(target, exist_ok=True)
                shutil.copy(sarif, target)
                print(f"   (upload-sarif: {sarif} is SARIF 2.1.0 with {len(log['runs'][0].get('results', []))} results; "
                      f"copied to {target})")
            else:
                sys.exit(f"no stand-in for {uses}")
        else:
            output_file = os.path.join(temp, f"output-{index}")
            path_file = os.path.join(temp, f"path-{index}")
            open(output_file, "w").close()
            open(path_file, "w").close()
            env = dict(os.environ)
            env.update({k: substitute(v) for k, v in step.get("env", {}).items()})
            env.update({"GITHUB_OUTPUT": output_file, "GITHUB_PATH": path_file, "GITHUB_ENV": os.path.join(temp, "env"),
                        "GITHUB_WORKSPACE": workspace, "GITHUB_ACTION_PATH": action_dir, "RUNNER_TEMP": temp, "CI": "true"})
            env["PATH"] = os.pathsep.join(path_additions + [env["PATH"]])
            cwd = os.path.join(workspace, substitute(step.get("working-directory", ".")))
            status = subprocess.run(["bash", "-e", "-c", substitute(step["run"])], cwd=cwd, env=env).returncode
            with open(output_file) as f:
                for line in f:
                    if "=" in line:
                        k, v = line.rstrip("\n").split("=", 1)
                        outputs[k] = v
            with open(path_file) as f:
                path_additions = [line.strip() for line in f if line.strip()] + path_additions
            if status != 0:
                print(f"   (step failed with exit status {status})", flush=True)
                job_failed = True
        context["steps"][step_id] = {"outputs": outputs}
    print(f"== job {'failed' if job_failed else 'succeeded'}; outputs: "
          + json.dumps({k: substitute(v["value"]) for k, v in action.get("outputs", {}).items()}), flush=True)
    sys.exit(1 if job_failed else 0)


if __name__ == "__main__":
    main()
