"""Where every file sellergate keeps lives: the one owner of the layout on disk.

Every other module asks here instead of joining paths itself, so the layout can be read
(and changed) in one place::

    DATA_DIR/                              (SELLERGATE_DATA_DIR)
      credentials.epoch                    a change to any credential (credentials.cache)
      bulk/spool/<random>/<name>           the snapshot a bulk job reads
      bulk/uploads/<seller ID>/<random>/<name>   files uploaded on the bulk page
      bulk/results/<seller ID>/<result name>     result files of those uploads
      bulk/exports/<seller ID>/<name>      files asked for with RequestFileDownload
      images/<seller ID>/<name>            images uploaded on the bulk page
    FTP_ROOT/                              (SELLERGATE_FTP_ROOT)
      <FTP user>/                          a seller's home: the four fixed folders
        item/ inventory/ images/           uploads (item/ and inventory/ make bulk jobs)
        results/                           result files of FTP uploads, read only
      .staging/<FTP user>/<digest>         uploads in flight (outside the home)

A seller's FTP user and home are named after its seller ID (``ftp_username``). Names
are bounded by what Linux file systems store in one name (``NAME_BYTES``); a result
file's name is bounded by ``bulk.results``.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from django.conf import settings

#: A home's folders, as the marketplace's FTP drop has them; none can be renamed or removed.
FTP_FOLDERS = ("item", "inventory", "images", "results")
#: Where a seller may write.
UPLOAD_FOLDERS = frozenset({"item", "inventory", "images"})
#: Where sellergate writes and the seller reads.
RESULTS_FOLDER = "results"
#: What Linux file systems store in one name, in bytes.
NAME_BYTES = 255
STAGING = ".staging"


def data_dir() -> Path:
    return Path(settings.DATA_DIR)


def ftp_root() -> Path:
    return Path(settings.FTP_ROOT)


# --- the FTP drop --------------------------------------------------------------------


def ftp_username(login_id: str) -> str:
    """A seller's FTP user, which is also its home's name."""
    return f"sg-{login_id.lower()}"


def ftp_home(username: str) -> Path:
    return ftp_root() / username


def ftp_home_make(username: str) -> Path:
    """The home with its four folders, made if missing (idempotent)."""
    home = ftp_home(username)
    for folder in FTP_FOLDERS:
        (home / folder).mkdir(parents=True, exist_ok=True)
    return home


def ftp_images_folder(username: str) -> Path:
    return ftp_home(username) / "images"


def ftp_results_folder(upload: Path) -> Path:
    """The results folder beside the upload folder ``upload`` landed in (an upload makes a
    job only directly in item/ or inventory/, so its home is two levels up)."""
    return upload.parent.parent / RESULTS_FOLDER


def staging_root(root: Path | None = None) -> Path:
    """Uploads in flight, for the FTP root ``root`` (default the configured one)."""
    return (root or ftp_root()) / STAGING


def staging_folder(username: str, root: Path | None = None) -> Path:
    return staging_root(root) / username


def staged_file(username: str, target: str, root: Path | None = None) -> Path:
    """Where an upload to ``target`` is written until it is complete (made ready): one
    file per target, so a resumed upload (REST + STOR) finds what arrived before."""
    digest = hashlib.sha256(target.encode()).hexdigest()[:32]
    folder = staging_folder(username, root)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / digest


# --- the data directory ---------------------------------------------------------------


def credentials_epoch() -> Path:
    return data_dir() / "credentials.epoch"


def web_images_folder(login_id: str) -> Path:
    """Images uploaded on the bulk page keep their name there: items refer to them by it."""
    return data_dir() / "images" / login_id


def image_folders(login_id: str) -> list[Path]:
    """Where a seller's images are looked for by name, the FTP drop's first."""
    return [ftp_images_folder(ftp_username(login_id)), web_images_folder(login_id)]


def web_upload_folder(login_id: str) -> Path:
    """A new folder for one file uploaded on the bulk page (made)."""
    folder = data_dir() / "bulk" / "uploads" / login_id / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def web_results_folder(login_id: str) -> Path:
    return data_dir() / "bulk" / "results" / login_id


def is_spooled(path: Path) -> bool:
    """Whether ``path`` is a job's snapshot (``spool_folder``), which the job removes when
    it ends (an upload itself stays where it landed)."""
    return path.parent.parent.name == "spool" and path.parent.parent.parent.name == "bulk"


def export_file(login_id: str, name: str) -> Path:
    """Where a requested export is written (its folder made)."""
    folder = data_dir() / "bulk" / "exports" / login_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def spool_folder() -> Path:
    """A new folder for one job's snapshot of its upload (made)."""
    folder = data_dir() / "bulk" / "spool" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    return folder
