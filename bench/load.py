"""Public pages under load, side by side with a bare Wagtail page, through gunicorn and nginx.

    python bench/load.py [--cycles 3] [--seconds 4] [--clients 20] [--workers 2]
    DATABASE_URL=postgres://… python bench/load.py

Builds the demo office in a throw-away database (SQLite file unless DATABASE_URL is set, then a
database ``bench_load`` next to it, dropped afterwards), starts gunicorn (``--workers``, sync) behind nginx on
loopback, exactly as ``deploy/`` runs a site, and drives it with a bounded asyncio client:
``--clients`` connections, keep-alive, each sending its next request when the last one is read.
Every cycle runs each page for ``--seconds`` in turn, so the machine's drift hits all pages alike;
a page's ratio is its req/s divided by the bare page's req/s *in the same cycle*, and the printed
ratio is the median over cycles. The hub is measured twice: as a running site serves it (table
cached) and rebuilt on every request (cache miss). Search requests rotate through the Thai queries
of ``bench/search_queries.yaml``.

Afterwards the memory of one worker (RSS, PSS, USS) is printed beside that of a worker of a bare
``wagtail start`` project started the same way (``--preload``, as ``deploy/gunicorn.conf.py``)
and sent the same number of home-page requests.
Prints figures; asserts nothing (targets in the README's performance section).
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    include /etc/nginx/mime.types;
{servers}
}}
"""

NGINX_SERVER = """
    upstream {name} {{ server 127.0.0.1:{app_port}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{ alias {static}/; }}
        location / {{
            proxy_pass http://{name};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
"""

BENCH_SETTINGS = """
import os

from example_site.settings import *  # noqa: F403

DEBUG = False
STATIC_ROOT = {static!r}
MEDIA_ROOT = {media!r}
CONN_MAX_AGE = 600
for _db in DATABASES.values():  # noqa: F405
    _db["CONN_MAX_AGE"] = 600
    _db["CONN_HEALTH_CHECKS"] = True
if os.environ.get("BENCH_HUB_UNCACHED"):  # noqa: F405
    WAGTAIL_DISCLOSURE = {{**WAGTAIL_DISCLOSURE, "HUB_CACHE_SECONDS": 0}}  # noqa: F405
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 – loopback
                return response.status
        except urllib.error.HTTPError as error:
            if error.code in (502, 503, 504):  # nginx is up, gunicorn not yet
                time.sleep(0.3)
                continue
            raise SystemExit(f"{url} answered {error.code}") from error
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def postgres_database(url, name, create):
    """Drop the database ``name`` next to ``url``'s (if there), and create it again if ``create``."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


def run(cmd, env, cwd=REPO):
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def start_gunicorn(module, port, workers, env, cwd):
    return subprocess.Popen(  # noqa: S603
        [str(VENV_BIN / "gunicorn"), module, "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning",
         "--preload"],  # as deploy/gunicorn.conf.py: workers share the app's pages
        env=env, cwd=cwd,
    )  # fmt: skip


def worker_memory_mb(master):
    """RSS, PSS and USS (private) of each worker process of a gunicorn master, in MB (/proc).

    RSS counts the pages a worker shares with the master and the other workers (``--preload``)
    in full; PSS shares them out; USS is what the worker alone holds.
    """
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            fields[name] = int(value.split()[0]) / 1024
        uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        sizes.append((fields["Rss"], fields["Pss"], uss))
    return sizes


# --- the load generator -------------------------------------------------------------------------


async def _read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        if b":" in line:
            name, value = line.split(b":", 1)
            headers[name.strip().lower()] = value.strip()
    if b"content-length" in headers:
        await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get(b"connection", b"").lower() == b"close"


async def _client(host, port, paths, stop_at, latencies, errors, offset):
    reader = writer = None
    n = offset
    while time.monotonic() < stop_at:
        if writer is None:
            reader, writer = await asyncio.open_connection(host, port)
        path = paths[n % len(paths)]
        n += 1
        started = time.perf_counter()
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: th\r\n\r\n".encode())
        try:
            status, close = await _read_response(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            errors.append("connection")
            writer.close()
            writer = None
            continue
        latencies.append(time.perf_counter() - started)
        if status != 200:
            errors.append(status)
        if close:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


def load(host, port, paths, clients, seconds):
    """Requests per second and latencies (s) of ``clients`` keep-alive connections for ``seconds``."""
    latencies, errors = [], []

    async def main():
        stop_at = time.monotonic() + seconds
        await asyncio.gather(
            *(_client(host, port, paths, stop_at, latencies, errors, i) for i in range(clients))
        )

    started = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, latencies, errors


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] * 1000


# --- the sites ----------------------------------------------------------------------------------


def build_demo(tmp, env):
    run([sys.executable, "example_site/manage.py", "migrate", "--noinput"], env)
    run([sys.executable, "example_site/manage.py", "setup_demo", "--force", "--quiet"], env)
    run([sys.executable, "example_site/manage.py", "collectstatic", "--noinput"], env)
    script = (
        "import json\n"
        "from wagtail_disclosure.models import DocumentPage, IndicatorPage, ProcurementSummaryPage\n"
        "from wagtail_disclosure.models import TransparencyHubPage\n"
        "from wagtail.models import Site\n"
        "root = Site.objects.get(is_default_site=True).root_page\n"
        "def ours(model): return model.objects.live().descendant_of(root)\n"
        "hub = ours(TransparencyHubPage).first()\n"
        "indicator = ours(IndicatorPage).filter(item__code='O1').first()\n"
        "document = ours(DocumentPage).order_by('pk').first()\n"
        "procurement = ours(ProcurementSummaryPage).order_by('pk').first()\n"
        "print(json.dumps({'hub': hub.url_path, 'indicator': indicator.url_path,\n"
        "    'document': document.url_path, 'procurement': procurement.url_path,\n"
        "    'root': hub.get_site().root_page.url_path}))\n"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "example_site/manage.py", "shell", "-c", script],
        env=env, cwd=REPO, check=True, text=True, stdout=subprocess.PIPE,
    )  # fmt: skip
    paths = json.loads(out.stdout.strip().splitlines()[-1])
    root = paths.pop("root")
    return {name: "/" + url[len(root) :].lstrip("/") for name, url in paths.items()}


def build_bare(tmp, env):
    """A bare ``wagtail start`` project, migrated, in ``tmp/wagtailbare``; its environment."""
    folder = tmp / "wagtailbare"
    folder.mkdir()
    clean = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE")}
    run([str(VENV_BIN / "wagtail"), "start", "wagtailbare", str(folder)], clean, cwd=tmp)
    settings = folder / "wagtailbare" / "settings" / "production.py"
    settings.write_text(settings.read_text() + '\nSECRET_KEY = "bench"\nALLOWED_HOSTS = ["*"]\n')
    bare_env = {**clean, "DJANGO_SETTINGS_MODULE": "wagtailbare.settings.production",
                "PYTHONPATH": str(folder)}  # fmt: skip
    bare_env.pop("DATABASE_URL", None)
    run([sys.executable, "manage.py", "migrate", "--noinput"], bare_env, cwd=folder)
    run([sys.executable, "manage.py", "collectstatic", "--noinput"], bare_env, cwd=folder)
    return bare_env, folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0, help="per page and cycle")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        raise SystemExit(
            "nginx is needed (Debian package nginx; scripts/system-deps.sh installs it)"
        )

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    tmp.chmod(0o755)  # nginx's workers (www-data) read the static files from it
    processes = []
    cleanup = []
    try:
        (tmp / "static").mkdir()
        (tmp / "media").mkdir()
        (tmp / "bench_settings.py").write_text(
            BENCH_SETTINGS.format(static=str(tmp / "static"), media=str(tmp / "media"))
        )
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(tmp), str(REPO), str(REPO / "example_site")]),
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/load.sqlite3")
        if env["DATABASE_URL"].startswith("postgres"):
            maintenance = env["DATABASE_URL"]
            env["DATABASE_URL"] = urlsplit(maintenance)._replace(path="/bench_load").geturl()
            postgres_database(maintenance, "bench_load", create=True)
            cleanup.append(lambda: postgres_database(maintenance, "bench_load", create=False))
        pages = build_demo(tmp, env)

        app_port, port = free_port(), free_port()
        master = start_gunicorn("example_site.wsgi", app_port, args.workers, env, REPO)
        processes.append(master)
        # The same site with the hub's table built on every request: the hub on a cache miss.
        uncached_app_port, uncached_port = free_port(), free_port()
        uncached_env = {**env, "BENCH_HUB_UNCACHED": "1"}
        processes.append(
            start_gunicorn("example_site.wsgi", uncached_app_port, args.workers, uncached_env, REPO)
        )
        servers = "".join(
            NGINX_SERVER.format(name=name, app_port=a, port=p, static=tmp / "static")
            for name, a, p in [
                ("app", app_port, port),
                ("uncached", uncached_app_port, uncached_port),
            ]
        )
        conf = tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, servers=servers))
        nginx = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"])  # noqa: S603,S607
        processes.append(nginx)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/")
        wait_for(f"http://127.0.0.1:{uncached_port}/")
        queries = [
            q["q"] for q in yaml.safe_load((HERE / "search_queries.yaml").read_text("utf-8"))
        ]
        plan = {
            "bare Wagtail page": (port, ["/"]),
            "hub (cached)": (port, [pages["hub"]]),
            "hub (cache miss)": (uncached_port, [pages["hub"]]),
            "indicator": (port, [pages["indicator"]]),
            "document": (port, [pages["document"]]),
            "procurement": (port, [pages["procurement"]]),
            "search": (port, [f"/disclosure/search/?q={quote(str(q))}" for q in queries]),
            "static file": (port, ["/static/wagtail_disclosure/public.css"]),
        }
        for page_port, paths in plan.values():  # every page answers before it is timed
            for path in paths[:3]:
                wait_for(f"http://127.0.0.1:{page_port}{path}")

        figures = {name: [] for name in plan}
        ratios = {name: [] for name in plan}
        for _cycle in range(args.cycles):
            cycle = {}
            for name, (page_port, paths) in plan.items():
                cycle[name] = load("127.0.0.1", page_port, paths, args.clients, args.seconds)
                figures[name].append(cycle[name])
            for name in plan:
                ratios[name].append(cycle[name][0] / cycle["bare Wagtail page"][0])
        total_requests = sum(len(f[1]) for runs in figures.values() for f in runs)
        print(
            f"Load on {env['DATABASE_URL'].split(':')[0]}: gunicorn {args.workers} sync workers "
            f"behind nginx, {args.clients} clients, {args.cycles} cycles of {args.seconds:.0f} s "
            f"per page ({total_requests} requests)"
        )
        print(f"{'page':<20} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
              f"{'errors':>6} {'vs bare':>8}")  # fmt: skip
        for name in plan:
            runs = figures[name]
            latencies = [x for run_ in runs for x in run_[1]]
            errors = sum(len(run_[2]) for run_ in runs)
            print(
                f"{name:<20} {statistics.median(r[0] for r in runs):>7.1f} "
                f"{percentile(latencies, 0.5):>7.1f} {percentile(latencies, 0.95):>7.1f} "
                f"{percentile(latencies, 0.99):>7.1f} {errors:>6} "
                f"{statistics.median(ratios[name]):>7.2f}x"
            )
        print("vs bare: the page's throughput over the bare page's in the same cycle (median)")
        demo_memory = worker_memory_mb(master)

        bare_env, bare_folder = build_bare(tmp, env)
        bare_port = free_port()
        bare = start_gunicorn("wagtailbare.wsgi", bare_port, args.workers, bare_env, bare_folder)
        processes.append(bare)
        wait_for(f"http://127.0.0.1:{bare_port}/")
        served = len([x for run_ in figures["bare Wagtail page"] for x in run_[1]])
        load("127.0.0.1", bare_port, ["/"], args.clients, args.seconds * args.cycles)
        bare_memory = worker_memory_mb(bare)
        print(f"worker memory after the load (largest worker, MB; gunicorn --preload): "
              f"bare wagtail start project after {served}+ home-page requests, same start")  # fmt: skip
        for label, index in (("RSS", 0), ("PSS", 1), ("USS", 2)):
            ours = max(m[index] for m in demo_memory)
            theirs = max(m[index] for m in bare_memory)
            print(f"  {label}: demo office {ours:6.0f}   bare {theirs:6.0f}   ratio "
                  f"{ours / theirs:.2f}x")  # fmt: skip
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for step in cleanup:
            step()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
