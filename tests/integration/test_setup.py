"""The set-up finds a Python that Rasa 3.6 runs on, or says in one line what to install."""

import shutil
import subprocess

from harness import PROJECT

FIND_PYTHON = str(PROJECT / "scripts" / "find-python.sh")


def test_finds_a_supported_python():
    result = subprocess.run(["bash", FIND_PYTHON], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    version = subprocess.run(
        [result.stdout.strip(), "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True
    ).stdout.strip()
    assert version in ("(3, 8)", "(3, 9)", "(3, 10)")


def test_without_a_supported_python_it_says_what_to_install(tmp_path):
    # A PATH with only a Python 3.11 stand-in (and the tools the script uses), and no pyenv.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("ls", "sort"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    python = bin_dir / "python3"
    python.write_text("#!/bin/sh\n# Python 3.11: fails the script's version check\nexit 1\n")
    python.chmod(0o755)
    environment = {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    result = subprocess.run(
        [shutil.which("bash"), FIND_PYTHON], capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "No Python 3.8-3.10 found (Rasa 3.6 needs one): install Python 3.10, e.g. 'pyenv install 3.10', then run this again."
    ]
