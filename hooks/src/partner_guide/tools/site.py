"""Build the real site in a subprocess and serve it on 127.0.0.1 (for the tools and tests).

Builds run in a subprocess: when a build fails in-process, mkdocs-static-i18n
leaves `mkdocs.utils.clean_directory` monkeypatched. Never with `-q`: it drops
warnings before `--strict` counts them.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .. import REPO_ROOT

# Types a CDN compresses; images and fonts are already compressed.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def venv_command(name: str) -> str:
    """A command installed beside this Python (the project's .venv), else from PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


SITE_FILES = ("mkdocs.yml", "hooks", "overrides")  # what a copy of the site needs besides its docs/


def copy_site(dest: Path, *, navigation: bool = True) -> Path:
    """A copy of the site's configuration, hooks and overrides at `dest` (docs/ is the caller's);
    without `navigation`, mkdocs.yml's `nav:` is dropped, so every page of the copy's docs/ is built."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, dest / name)
    if not navigation:
        config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
        (dest / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n", encoding="utf-8")
    return dest


def build_env(site_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SITE_URL": site_url, **extra}


def build_site(
    dest: Path, site_url: str, *, config: Path | None = None, cwd: Path = REPO_ROOT, timeout: float = 600, **env: str
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `config` (the real mkdocs.yml) into `dest`."""
    return subprocess.run(
        [venv_command("mkdocs"), "build", "--strict", "-f", str(config or REPO_ROOT / "mkdocs.yml"), "-d", str(dest)],
        cwd=cwd,
        env=build_env(site_url, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker throttles every host to ~10 requests/s with random waits
        # (a 97-URL crawl took 15 s) unless the server sends this header.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipHandler(QuietHandler):
    """Gzips text responses when the client accepts it, as a CDN does."""

    def __init__(
        self,
        request: socket.socket | tuple[bytes, socket.socket],
        client_address: tuple[str, int],
        server: socketserver.BaseServer,
        *,
        cache: dict[Path, bytes],
        lock: threading.Lock,
        sent: list[tuple[str, int]] | None = None,
        directory: str | None = None,
    ) -> None:
        self.cache, self.lock, self.sent = cache, lock, sent
        super().__init__(request, client_address, server, directory=directory)

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the slash URL
        ctype = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and ctype.startswith(COMPRESSIBLE)):
            return super().send_head()
        with self.lock:
            body = self.cache.get(path)
            if body is None:
                body = self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.sent is not None:
            with self.lock:
                self.sent.append((self.path.split("?", 1)[0], len(body)))
        return io.BytesIO(body)


class ErrorDocumentHandler(QuietHandler):
    """Answers a missing path with the site's root 404.html, status 404, as COS and GitHub Pages do."""

    def __init__(self, *args: Any, error_page: str = "404.html", **kwargs: Any) -> None:
        self.error_page = error_page  # relative to the served folder: `sub/404.html` for a site under /sub/
        super().__init__(*args, **kwargs)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / self.error_page
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextlib.contextmanager
def serving(
    root: Path, *, compress: bool = False, sent: list[tuple[str, int]] | None = None, error_document: bool | str = False
) -> Iterator[str]:
    """Serve `root` at `/` on 127.0.0.1, on a free port; yields the URL.

    `sent`, with `compress`: (path, bytes) of each compressed response is appended to it.
    `error_document`: a missing path gets the root 404.html (a static host's error document), or the
    page at this path below `root` (`"sub/404.html"`: a site published under /sub/).
    """
    handler: Callable[..., http.server.BaseHTTPRequestHandler]
    if compress:
        handler = functools.partial(GzipHandler, directory=str(root), cache={}, lock=threading.Lock(), sent=sent)
    elif error_document:
        page = error_document if isinstance(error_document, str) else "404.html"
        handler = functools.partial(ErrorDocumentHandler, directory=str(root), error_page=page)
    else:
        handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve-{root.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
