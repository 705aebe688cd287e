"""Which trained model to serve: the newest complete one in models/, checked before Rasa loads it.

Rasa serves the newest file in models/, whatever it holds: a truncated archive (a training
killed while writing, a full disk) made the server say it was up and answer everything with
the outage apology, and `scripts/train-if-needed.sh` called the partial file up to date.
Here an archive is complete when it reads to its end (gzip checks its CRC there) and holds
Rasa's `metadata.json`; the temporary folder Rasa unpacks it to must have room for it.

    python -m rasa_server.models newest        # prints the newest complete model, or exits 1 saying why
    python -m rasa_server.models check FILE    # exits 1 saying why FILE cannot be served
"""

import shutil
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import List, Optional, Tuple

PROJECT = Path(__file__).resolve().parents[1]
MODELS = PROJECT / "models"
METADATA = "metadata.json"  # written by Rasa into every model archive


def archive_problem(path: Path) -> Optional[str]:
    """Why this model archive cannot be served, or None."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            names, unpacked_bytes = set(), 0
            for member in archive:  # reading every member to the end checks the gzip CRC
                names.add(member.name.lstrip("./"))
                unpacked_bytes += member.size
                if member.isfile():
                    extracted = archive.extractfile(member)
                    while extracted and extracted.read(1 << 20):
                        pass
    except (OSError, EOFError, tarfile.TarError) as error:
        return f"not a complete model archive ({error or type(error).__name__})"
    if METADATA not in names:
        return f"not a Rasa model (no {METADATA})"
    free = shutil.disk_usage(tempfile.gettempdir()).free
    if free < unpacked_bytes:
        return (
            f"cannot be unpacked: it needs {unpacked_bytes / 1e6:,.0f} MB and the temporary folder "
            f"{tempfile.gettempdir()} has {free / 1e6:,.0f} MB free (set TMPDIR elsewhere)"
        )
    return None


def newest_complete(models: Path = MODELS) -> Tuple[Optional[Path], List[str]]:
    """The newest model archive that can be served, and a line for each newer one that cannot."""
    skipped = []
    for path in sorted(models.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True):
        problem = archive_problem(path)
        if problem is None:
            return path, skipped
        skipped.append(f"{path}: {problem}")
    return None, skipped


def main(arguments: List[str]) -> int:
    if arguments == ["newest"]:
        model, skipped = newest_complete()
        for line in skipped:
            print(f"Skipping the model {line}", file=sys.stderr)
        if model is None:
            print(f"No complete trained model in {MODELS}", file=sys.stderr)
            return 1
        print(model)
        return 0
    if len(arguments) == 2 and arguments[0] == "check":
        problem = archive_problem(Path(arguments[1]))
        if problem:
            print(f"The model {arguments[1]} is {problem}", file=sys.stderr)
        return 1 if problem else 0
    print("usage: python -m rasa_server.models newest | check MODEL.tar.gz", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
