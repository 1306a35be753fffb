#!/usr/bin/python3
"""bench/bench.py — the scenarios of jobq's benchmark (run it through bench/run).

Runs against one local stack (scripts/stack up --dir DIR, started by bench/run) and gives
every run of every scenario a fresh PostgreSQL database and RabbitMQ vhost. Prints one
progress line per run ("bench: [k/11] ...") and writes every measured number as JSON.
How each figure is measured: bench/README.md.
"""
import argparse
import base64
import contextlib
import json
import os
import platform
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import psycopg2
except ImportError:   # bench/run's --check runs before bench/deps installs it
    psycopg2 = None

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER_DIR = os.path.join(ROOT, "bench", "celery_peer")
PY = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable
PGBIN = "/usr/lib/postgresql/15/bin"
HANDLERS_DIR = os.path.join(ROOT, "bench", "handlers")
NODE = shutil.which("node")
sys.path.insert(0, HANDLERS_DIR)
import work as bench_work  # noqa: E402  (bench/handlers/work.py: the handlers scenario's payload)

# Scenario sizes. Full: about 35 minutes on 2 cores; quick: about 7.
#
# The jobq configuration lists (drain_configs, e2e_configs, cost_configs) hold
# [consumers, concurrency] pairs or variants: {"consumers": 2, "concurrency": 16,
# "label": "classic queues", "env": {"JOBQ_QUEUE_TYPE": "classic"}}, whose env goes to the
# consumers and the CLI and whose label names them in the report (jobq_config); a variant of
# drain_configs or e2e_configs may also set limits ("limits": ["queue:default --max-running
# 100000"], each the arguments of `jobq limit set`) before its jobs are submitted. Add one
# with `bench/run --set 'e2e_configs=[...]'` (bench/README.md, "Variants").
FULL = dict(
    submit_runs=3, submit_single=200, submit_clients=4, submit_each=60, submit_batch=10000,
    drain_jobs=10000, drain_runs=3,
    drain_configs=[[w, cc] for w in (1, 2, 4) for cc in (4, 16, 64, 128)],
    celery_drain_runs=3, celery_drain_concurrency=[2, 8, 32], celery_prefetch=[1, 16],
    # end to end: each jobq configuration against Celery --concurrency consumers x concurrency
    # (the same jobs in flight)
    e2e_rounds=3, e2e_jobs=10000, e2e_chunk=500, e2e_configs=[[1, 2], [2, 4], [2, 16], [2, 64]],
    # the pickup scenario's configuration (and the clients scenario's)
    e2e_consumers=2, e2e_concurrency=4,
    pickup_runs=3, pickup_jobs=150, pickup_gap_s=0.02,
    clients_runs=3, clients_pickup_jobs=100, clients_sql_calls=2000, clients_cli_calls=100,
    clients_celery_calls=2000, clients_lib_seq=2000, clients_lib_many=10000,
    wake_rounds=5, wake_sessions=4, wake_seconds=5.0,
    cancel_runs=2, cancel_jobs=200, cancel_per_round=10,
    recovery_runs=1, recovery_kills=20, recovery_jobs=4, recovery_limit_s=10,
    hb_configs=[[1, 250], [4, 250], [1, 1000], [4, 1000]], hb_interval_ms=1000,
    hb_windows=3, hb_window_s=5.0,
    mem_runs=2, mem_concurrency=[8, 64], mem_jobs=10000,
    handlers_rounds=3, handlers_jobs=10000, handlers_exec_jobs=1000, handlers_processes=[2, 8],
    # jobs a persistent pool's worker holds per handler process (its concurrency is
    # processes x this), as Celery's prefetch multiplier 16 reserves 16 a process
    handlers_slots=16,
    handlers_true_jobs=3000, handlers_true_concurrency=8,
    handlers_cancel_jobs=100, handlers_cancel_per_round=10,
    handlers_fault_jobs=1000, handlers_fault_processes=4, handlers_fault_kills=5, handlers_fault_ms=20,
    handlers_node_jobs=2000, handlers_node_exec_jobs=500, handlers_node_processes=2, handlers_node_cancel_jobs=20,
    # bench/job-cost: CPU of broker, database and consumers per job (issue 18: <= 200 us at 2 x 16)
    cost_runs=3, cost_jobs=10000, cost_singles=100, cost_configs=[[2, 16]],
    deadline_s=3600,
)
QUICK = dict(FULL)
QUICK.update(
    submit_runs=1, submit_single=40, submit_each=15, submit_batch=2000,
    drain_jobs=3000, drain_runs=1, drain_configs=[[1, 2], [2, 16], [2, 64]],
    celery_drain_runs=1,
    e2e_rounds=1, e2e_jobs=2000,
    pickup_runs=1, pickup_jobs=50,
    clients_runs=1, clients_pickup_jobs=30, clients_sql_calls=300, clients_cli_calls=20,
    clients_celery_calls=300, clients_lib_seq=300, clients_lib_many=2000,
    wake_rounds=2, wake_seconds=1.5,
    cancel_runs=1, cancel_jobs=50,
    recovery_kills=5, recovery_limit_s=5,
    hb_configs=[[1, 100], [4, 100], [4, 400]], hb_windows=1, hb_window_s=2.0,
    mem_runs=1, mem_jobs=2000,
    handlers_rounds=1, handlers_jobs=2000, handlers_exec_jobs=200, handlers_true_jobs=1000,
    handlers_cancel_jobs=20, handlers_node_jobs=500, handlers_node_exec_jobs=100, handlers_node_cancel_jobs=10,
    cost_runs=1, cost_jobs=5000, cost_singles=20,
    deadline_s=900,
)
# the sizes that are lists of jobq configurations (jobq_config)
CONFIG_LISTS = ("drain_configs", "e2e_configs", "cost_configs")
SCENARIOS = ["submit", "drain", "e2e", "pickup", "clients", "cancel", "recovery", "heartbeat", "memory",
             "handlers", "cost"]
TITLES = {
    "submit": "submit rate", "drain": "drain rate", "e2e": "end to end", "pickup": "pickup latency",
    "clients": "submitting from code",
    "cancel": "cancel latency", "recovery": "crash recovery", "heartbeat": "heartbeat cost",
    "memory": "memory", "handlers": "handlers", "cost": "cost per job",
}
TERMINAL = "('succeeded','failed','cancelled')"



def kill_quietly(procs):
    """Kill every process of procs still alive; errors (already gone) are ignored."""
    for p in procs:
        try:
            if p.alive():
                p.kill()
        except Exception:
            pass


def close_quietly(conn):
    """Close a database connection if there is one, ignoring errors."""
    if conn is not None:
        try:
            conn.close()
        except Exception:
            pass

class Abort(BaseException):
    """A signal or the deadline: unwind through every cleanup."""


class ScenarioError(Exception):
    pass


def log(msg):
    print("bench: " + msg, flush=True)


def now():
    return time.time()


def pct(values, q):
    """Percentile with linear interpolation (PostgreSQL's percentile_cont)."""
    v = sorted(values)
    if not v:
        return None
    k = (len(v) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def dist(values):
    v = [float(x) for x in values]
    if not v:
        return {"n": 0}
    return {"n": len(v), "min": min(v), "p50": pct(v, 0.5), "p90": pct(v, 0.9),
            "p99": pct(v, 0.99), "max": max(v), "mean": sum(v) / len(v)}


def r1(x):
    return None if x is None else round(float(x), 1)


def r3(x):
    return None if x is None else round(float(x), 3)


def wait_until(pred, timeout, interval=0.1, what="condition"):
    deadline = now() + timeout
    while True:
        v = pred()
        if v:
            return v
        if now() >= deadline:
            raise ScenarioError("timed out after %.0f s waiting for %s" % (timeout, what))
        time.sleep(interval)


# ------------------------------------------------------------------ processes
class Proc:
    def __init__(self, bench, name, argv, env, cwd=None, group=False, stdout=None):
        self.name = name
        self.group = group
        self.log_path = os.path.join(bench.tmp, "logs", "%s.log" % name)
        self.logf = open(self.log_path, "wb")
        self.p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                  stdout=stdout if stdout is not None else self.logf,
                                  stderr=self.logf, start_new_session=group)
        self.pid = self.p.pid
        bench.procs.append(self)

    def alive(self):
        return self.p.poll() is None

    def send(self, sig):
        try:
            if self.group:
                os.killpg(self.pid, sig)
            else:
                self.p.send_signal(sig)
        except ProcessLookupError:
            pass

    def stop(self, grace=5.0, sig=signal.SIGTERM, second=True):
        """sig to the process, a second one after a second (jobq-consumer: release at once;
        a process group: to every member), KILL after grace. A group is swept at the end."""
        if self.alive():
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.p.wait(min(1.0, grace))
            except subprocess.TimeoutExpired:
                if second:
                    self.send(sig)
                try:
                    self.p.wait(max(grace - 1.0, 0.5))
                except subprocess.TimeoutExpired:
                    self.send(signal.SIGKILL)
                    self.p.wait(10)
        if self.group:
            self.send(signal.SIGKILL)   # children that outlived their parent
        self.logf.close()
        return self.p.returncode

    def kill(self):
        self.send(signal.SIGKILL)
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            pass
        self.logf.close()

    def tail(self, n=15):
        try:
            with open(self.log_path, "rb") as f:
                return b"".join(f.readlines()[-n:]).decode("utf-8", "replace")
        except OSError:
            return ""


# ------------------------------------------------------------------ one database + vhost
class Env:
    """A fresh RabbitMQ vhost and (for jobq) PostgreSQL database, migrated; dropped on exit.
    extra_env (a variant's, jobq_config) goes to every jobq process of the env: the CLI
    and the consumers; limits (a variant's, each the arguments of `jobq limit set`) are set
    right after the migration."""

    def __init__(self, bench, tag, jobq=True, db_settings=None, extra_env=None, limits=None):
        self.b = bench
        self.extra_env = dict(extra_env or {})
        self.limits = list(limits or [])
        bench.counter += 1
        self.name = "b_%s_%d" % (tag, bench.counter)
        self.vhost = self.name
        self.db = self.name if jobq else None
        self.db_settings = db_settings or {}
        self.procs = []
        self.conn = None
        self.jobq = jobq

    def __enter__(self):
        b = self.b
        b.mgmt("PUT", "/api/vhosts/" + self.vhost, {})
        b.mgmt("PUT", "/api/permissions/%s/jobq" % self.vhost,
               {"configure": ".*", "write": ".*", "read": ".*"})
        if self.jobq:
            b.admin_sql('CREATE DATABASE "%s" OWNER jobq' % self.db)
            for k, v in self.db_settings.items():
                b.admin_sql('ALTER DATABASE "%s" SET %s = %s' % (self.db, k, v))
            self.env = dict(b.base_env)
            self.env["JOBQ_AMQP_URL"] = "amqp://jobq:jobq@127.0.0.1:%d/%s" % (b.amqp_port, self.vhost)
            self.env["JOBQ_DATABASE_URL"] = "postgresql://jobq:jobq@127.0.0.1:%d/%s" % (b.pg_port, self.db)
            self.env.update(self.extra_env)
            self.cli(["migrate"], timeout=60)
            for args in self.limits:
                self.cli(["limit", "set"] + args, timeout=60)
            self.conn = psycopg2.connect(host="127.0.0.1", port=b.pg_port, user="jobq",
                                         password="jobq", dbname=self.db, connect_timeout=10,
                                         application_name="bench")
            self.conn.autocommit = True
        return self

    def __exit__(self, *exc):
        kill_quietly(self.procs)
        close_quietly(self.conn)
        if self.db:
            try:
                self.b.admin_sql('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % self.db)
            except Exception as e:
                log("warning: could not drop database %s: %s" % (self.db, e))
        try:
            self.b.mgmt("DELETE", "/api/vhosts/" + self.vhost)
        except Exception as e:
            log("warning: could not delete vhost %s: %s" % (self.vhost, e))
        return False

    # SQL on the env's database
    def sql(self, q, args=None):
        with self.conn.cursor() as c:
            c.execute(q, args)
            return c.fetchall() if c.description else []

    def one(self, q, args=None):
        rows = self.sql(q, args)
        return rows[0][0] if rows else None

    def cli(self, args, timeout=60, check=True, env=None, stdout=subprocess.PIPE):
        p = subprocess.run([self.b.jobq] + args, env=env or self.env, stdin=subprocess.DEVNULL,
                           stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
        if check and p.returncode != 0:
            raise ScenarioError("jobq %s exited %d: %s" % (" ".join(args[:2]), p.returncode,
                                                           p.stderr.decode(errors="replace").strip()[:300]))
        return p

    def consumer(self, wid, concurrency, extra_env=None, log_level="warn"):
        """A jobq-consumer on this env. Throughput scenarios log at warn (info logs two lines
        per job); latency scenarios at info, where the log says when it consumes."""
        env = dict(self.env)
        if log_level == "info" and os.environ.get("BENCH_VERBOSE_LOG_LEVEL"):
            log_level = os.environ["BENCH_VERBOSE_LOG_LEVEL"]   # e.g. debug, to diagnose
        env["JOBQ_LOG_LEVEL"] = log_level
        env.update(extra_env or {})
        p = Proc(self.b, "%s-%s" % (self.name, wid),
                 [self.b.consumer_bin, "--worker-id", wid, "--concurrency", str(concurrency)], env)
        p.wid = wid
        p.concurrency = concurrency
        p.log_level = log_level
        self.procs.append(p)
        return p

    @staticmethod
    def _logged(p, event):
        try:
            with open(p.log_path, "rb") as f:
                return (b"event=" + event.encode()) in f.read()
        except OSError:
            return False

    def ready(self, procs, timeout=60):
        """Every worker registered, consuming jobq.default, and its executors connected.
        Consuming: the broker_connected event in its log (logged after consume-ok) at info
        level, else its consumer tag on jobq.default in the management API (which can lag
        a few seconds)."""
        ids = [p.wid for p in procs]
        executors = sum(p.concurrency for p in procs)

        def ok():
            for p in procs:
                if not p.alive():
                    raise ScenarioError("consumer %s exited %s: %s" % (p.wid, p.p.returncode, p.tail(5)))
            n = self.one("select count(*) from workers where id = any(%s) and state = 'running'", (ids,))
            if n != len(ids):
                return False
            sessions = self.one("select count(*) from pg_stat_activity where datname = current_database()"
                                " and application_name like 'jobq-consumer executor-%'")
            if sessions < executors:
                return False
            quiet = [p for p in procs if p.log_level not in ("info", "debug")]
            if not all(self._logged(p, "broker_connected") for p in procs if p not in quiet):
                return False
            if not quiet:
                return True
            tags = [c.get("consumer_tag", "") for c in self.b.mgmt("GET", "/api/consumers/" + self.vhost)
                    if (c.get("queue") or {}).get("name") == "jobq.default"]
            return all(any(t.startswith(p.wid + "@") for t in tags) for p in quiet)
        wait_until(ok, timeout, 0.02, "workers %s ready" % ",".join(ids))

    def stop_consumers(self, procs, grace=10.0):
        codes = {}
        for p in procs:
            if p.alive():
                p.send(signal.SIGTERM)
        for p in procs:
            codes[p.wid] = p.stop(grace)
        return codes

    def wait_finished(self, n, timeout, where="true"):
        def done():
            c = self.one("select count(*) from jobs where finished_at is not null and (%s)" % where)
            return c >= n
        try:
            wait_until(done, timeout, 0.3, "%d jobs to finish" % n)
        except ScenarioError as e:
            states = ", ".join("%s %d" % r for r in self.sql(
                "select status, count(*) from jobs group by 1 order by 1"))
            dead = [p.wid for p in self.procs if hasattr(p, "wid") and not p.alive()]
            raise ScenarioError("%s (jobs: %s%s)" % (e, states, "; exited: " + ",".join(dead) if dead else ""))

    def write_batch(self, path, n, typ="noop", payload_fn=None, extra=None):
        with open(path, "w") as f:
            for i in range(n):
                o = {"type": typ, "payload": payload_fn(i) if payload_fn else {}}
                if extra:
                    o.update(extra)
                f.write(json.dumps(o, separators=(",", ":")) + "\n")
        return path


# ------------------------------------------------------------------ the bench
class Bench:
    def __init__(self, a, cfg):
        """a: the parsed arguments; cfg: the sizes (FULL or QUICK with --set applied, its
        configuration lists checked by main)."""
        self.args = a
        self.mode = a.mode
        self.cfg = cfg
        self.confs = {name: jobq_configs(cfg, name) for name in CONFIG_LISTS}
        self.tmp = a.tmp
        os.makedirs(os.path.join(self.tmp, "logs"), exist_ok=True)
        self.stack_dir = a.stack_dir
        st = {}
        with open(os.path.join(self.stack_dir, "stack.env")) as f:
            for line in f:
                if "=" in line:
                    k, v = line.strip().split("=", 1)
                    st[k] = v
        self.amqp_port = int(st["AMQP_PORT"])
        self.mgmt_port = int(st["MGMT_PORT"])
        self.pg_port = int(st["PG_PORT"])
        self.jobq = os.path.join(a.bin_dir, "jobq")
        self.consumer_bin = os.path.join(a.bin_dir, "jobq-consumer")
        self.counter = 0
        self.procs = []
        self.admin = None
        conf = os.path.join(self.tmp, "jobq.conf")
        open(conf, "w").close()   # empty: no /etc/jobq/jobq.conf leaks in
        self.base_env = {k: v for k, v in os.environ.items()
                         if not k.startswith(("JOBQ_", "PG", "HEARTBEAT_INTERVAL", "LEASE_DURATION"))}
        self.base_env.update(JOBQ_CONFIG=conf, JOBQ_LOG_LEVEL="warn", JOBQ_SHUTDOWN_TIMEOUT="2s",
                             PYTHONDONTWRITEBYTECODE="1")
        self.started = now()
        self.deadline = self.started + (a.deadline or self.cfg["deadline_s"])
        self.results = {
            # schema 2: e2e rounds by jobs in flight; drain, e2e and cost take jobq_config lists
            "schema": 2, "mode": self.mode,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "config": self.cfg, "settings": list(a.set), "scenarios": {},
        }

    # -- servers
    def mgmt(self, method, path, body=None):
        url = "http://127.0.0.1:%d%s" % (self.mgmt_port, path)
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Authorization", "Basic " + base64.b64encode(b"jobq:jobq").decode())
        if data is not None:
            req.add_header("content-type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                raw = r.read()
        except urllib.error.HTTPError as e:
            raise ScenarioError("management API %s %s: HTTP %d" % (method, path, e.code))
        return json.loads(raw) if raw else None

    def admin_sql(self, q, args=None):
        if self.admin is None or self.admin.closed:
            self.admin = psycopg2.connect(host="127.0.0.1", port=self.pg_port, user="postgres",
                                          dbname="postgres", connect_timeout=10,
                                          application_name="bench-admin")
            self.admin.autocommit = True
        with self.admin.cursor() as c:
            c.execute(q, args)
            return c.fetchall() if c.description else []

    def tune_postgres(self):
        """The stack runs PostgreSQL with max_connections=400. Every jobq executor holds a
        session, so 4 workers x 250 running jobs (the heartbeat scenario) need over 1,000:
        restart this stack's own server with max_connections=1200 and a known log prefix
        (the heartbeat scenario counts statements in the log)."""
        data = os.path.join(self.stack_dir, "postgres", "data")
        with open(os.path.join(data, "postmaster.opts")) as f:
            opts = f.read().strip()
        args = re.findall(r'"((?:[^"\\]|\\.)*)"', opts)
        out, skip = [], False
        for x in args:
            if skip:
                skip = False
                continue
            if x == "-D":
                skip = True
                continue
            out.append(x)
        out += ["-c", "max_connections=1200", "-c", "log_line_prefix=%m [%p] "]
        o = " ".join("'%s'" % x.replace("'", "") for x in out)
        logf = os.path.join(self.stack_dir, "postgres", "postgres.log")
        if self.admin is not None:
            self.admin.close()
            self.admin = None
        r = subprocess.run(["runuser", "-u", "postgres", "--", PGBIN + "/pg_ctl", "-D", data, "-l", logf,
                            "-m", "fast", "-w", "-t", "60", "-o", o, "restart"],
                           cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=90)
        if r.returncode != 0:
            raise SystemExit("bench: could not restart PostgreSQL with max_connections=1200: "
                             + r.stdout.decode(errors="replace"))
        self.pg_log = logf
        mc = self.admin_sql("show max_connections")[0][0]
        self.results["postgres_settings"] = {
            "max_connections": int(mc), "note": "raised from the stack's 400: one session per "
            "executor, and the heartbeat scenario runs 1,000 jobs at once",
            "fsync": self.admin_sql("show fsync")[0][0],
            "synchronous_commit": self.admin_sql("show synchronous_commit")[0][0],
            "shared_buffers": self.admin_sql("show shared_buffers")[0][0],
        }

    def check_deadline(self):
        if now() > self.deadline:
            raise Abort("deadline of %.0f s reached" % (self.deadline - self.started))

    def loadavg(self):
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]

    # -- facts
    def machine(self):
        m = {"nproc": os.cpu_count(), "kernel": platform.release(), "arch": platform.machine()}
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        m["cpu"] = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    m["mem_mib"] = int(line.split()[1]) // 1024
        try:
            with open("/etc/debian_version") as f:
                m["debian"] = f.read().strip()
        except OSError:
            pass
        m["loadavg_at_start"] = self.loadavg()
        return m

    def versions(self):
        v = {}
        try:
            o = self.mgmt("GET", "/api/overview")
            v["rabbitmq"] = o.get("rabbitmq_version")
            v["erlang"] = o.get("erlang_version")
        except Exception:
            pass
        v["postgresql"] = self.admin_sql("show server_version")[0][0]

        def dpkg(p):
            r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            return r.stdout.decode().strip() or None
        v["rabbitmq-c"] = dpkg("librabbitmq4")
        v["libpq"] = dpkg("libpq5")
        v["python3-celery"] = dpkg("python3-celery")
        v["python3-kombu"] = dpkg("python3-kombu")
        v["python3-amqp"] = dpkg("python3-amqp")
        v["gnuplot"] = dpkg("gnuplot-nox")
        v["gcc"] = dpkg("gcc-12") or dpkg("gcc")
        r = subprocess.run([PY, "-c", "import celery; print(celery.__version__)"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.base_env)
        v["celery"] = r.stdout.decode().strip() or None
        r = subprocess.run([self.jobq, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        v["jobq"] = r.stdout.decode().strip()

        def git(*a):
            r = subprocess.run(["git", "-C", self.args.src] + list(a), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            return r.stdout.decode().strip()
        v["jobq_commit"] = git("rev-parse", "HEAD")
        dirty = [l for l in git("status", "--porcelain", "--untracked-files=no").splitlines()
                 if not l[3:].startswith(("bench/", "docs/benchmarks.md", "docs/img/bench-"))]
        v["jobq_dirty"] = bool(dirty)
        v["jobq_build"] = "Release"
        v["jobq_source"] = "this checkout" if os.path.realpath(self.args.src) == ROOT else self.args.src
        return v

    # -- running it all
    def run(self):
        self.results["machine"] = self.machine()
        self.tune_postgres()
        self.results["versions"] = self.versions()
        wanted = self.args.only.split(",") if self.args.only else SCENARIOS
        failed = []
        try:
            for k, name in enumerate(SCENARIOS, 1):
                if name not in wanted:
                    continue
                self.k = k
                t0 = now()
                rec = {"title": TITLES[name], "loadavg_before": self.loadavg()}
                self.results["scenarios"][name] = rec
                try:
                    self.check_deadline()
                    getattr(self, "s_" + name)(rec)
                except ScenarioError as e:
                    rec["error"] = str(e)
                    failed.append(name)
                    self.say("FAILED: %s" % e)
                except Abort as e:
                    rec["error"] = "aborted: %s" % e
                    failed.append(name)
                    raise
                finally:
                    rec["seconds"] = round(now() - t0, 1)
                    rec["loadavg_after"] = self.loadavg()
                    self.reap()
                    self.write()
                self.say("done in %.0f s" % rec["seconds"])
        finally:
            self.results["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            self.results["seconds"] = round(now() - self.started, 1)
            self.results["failed"] = failed
            self.results["machine"]["loadavg_at_end"] = self.loadavg()
            self.write()
            self.cleanup()
        return 1 if failed else 0

    def say(self, msg):
        log("[%d/%d] %s: %s" % (self.k, len(SCENARIOS), TITLES[SCENARIOS[self.k - 1]], msg))

    def write(self):
        tmp = self.args.out + ".part"
        with open(tmp, "w") as f:
            json.dump(self.results, f, indent=1, sort_keys=False)
            f.write("\n")
        os.replace(tmp, self.args.out)

    def reap(self):
        for p in self.procs:
            if p.alive():
                p.kill()
        self.procs = [p for p in self.procs if p.alive()]

    def cleanup(self):
        kill_quietly(self.procs)
        close_quietly(self.admin)

    # ============================================================== 1. submit rate
    def s_submit(self, rec):
        c = self.cfg
        rec["params"] = {"single": c["submit_single"], "clients": c["submit_clients"],
                         "per_client": c["submit_each"], "batch": c["submit_batch"],
                         "consumers": 0,
                         "how": "wall clock of the jobq processes; no consumer runs"}
        runs = rec["runs"] = []
        for r in range(c["submit_runs"]):
            self.check_deadline()
            with Env(self, "submit") as e:
                out = {}
                # single submits, one client
                out["single"] = timed_calls(lambda i: e.cli(["submit", "noop", '{"i":%d}' % i], timeout=30),
                                            c["submit_single"])
                # single submits, several clients at once
                errs = []

                def client(k):
                    try:
                        for i in range(c["submit_each"]):
                            e.cli(["submit", "noop", '{"c":%d,"i":%d}' % (k, i)], timeout=30)
                    except Exception as ex:   # reported below
                        errs.append(str(ex))
                th = [threading.Thread(target=client, args=(k,)) for k in range(c["submit_clients"])]
                t0 = now()
                for t in th:
                    t.start()
                for t in th:
                    t.join()
                dt = now() - t0
                if errs:
                    raise ScenarioError("parallel submit: " + errs[0])
                n = c["submit_clients"] * c["submit_each"]
                out["parallel"] = {"n": n, "clients": c["submit_clients"], "seconds": r3(dt),
                                   "per_s": r1(n / dt)}
                # one batch
                path = e.write_batch(os.path.join(self.tmp, "submit-batch.jsonl"), c["submit_batch"],
                                     payload_fn=lambda i: {"i": i})
                t0 = now()
                p = e.cli(["submit", "--batch", path], timeout=300)
                dt = now() - t0
                got = len(p.stdout.splitlines())
                if got != c["submit_batch"]:
                    raise ScenarioError("submit --batch printed %d ids, not %d" % (got, c["submit_batch"]))
                out["batch"] = {"n": c["submit_batch"], "seconds": r3(dt), "per_s": r1(c["submit_batch"] / dt)}
                out["rows"] = e.one("select count(*) from jobs")
                runs.append(out)
                self.say("run %d/%d: single %.0f/s, %d clients %.0f/s, --batch of %d %.0f jobs/s" % (
                    r + 1, c["submit_runs"], out["single"]["per_s"], c["submit_clients"],
                    out["parallel"]["per_s"], c["submit_batch"], out["batch"]["per_s"]))

    # ============================================================== 2. drain rate
    def presubmit(self, e, n, parts=2, typ="noop", payload_fn=None, extra=None):
        """n jobs of type typ (payload_fn(i), default {"i": i}) with `submit --batch`, in
        `parts` processes at once (setup, not measured)."""
        paths = []
        per = (n + parts - 1) // parts
        payload_fn = payload_fn or (lambda i: {"i": i})
        for k in range(parts):
            m = min(per, n - k * per)
            paths.append(e.write_batch(os.path.join(self.tmp, "pre-%d.jsonl" % k), m, typ,
                                       payload_fn=lambda i, k=k: payload_fn(k * per + i), extra=extra))
        t0 = now()
        ps = [subprocess.Popen([self.jobq, "submit", "--batch", p], env=e.env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for p in paths]
        try:
            for p in ps:
                _, err = p.communicate(timeout=300)
                if p.returncode != 0:
                    raise ScenarioError("submit --batch exited %d: %s" % (p.returncode, err.decode()[:300]))
        finally:
            for p in ps:
                if p.poll() is None:
                    p.kill()
                    p.wait()
        dt = now() - t0
        got = e.one("select count(*) from jobs")
        if got != n:
            raise ScenarioError("pre-submitted %d jobs, found %d" % (n, got))
        return dt

    def s_drain(self, rec):
        c = self.cfg
        n = c["drain_jobs"]
        confs = self.confs["drain_configs"]
        rec["params"] = {"jobs": n, "configs": confs,
                         "celery_concurrency": c["celery_drain_concurrency"], "celery_prefetch": c["celery_prefetch"],
                         "how": "jobs / (last finished_at - first started_at), database clock"}
        runs = rec["runs"] = []
        crun = rec["celery_runs"] = []
        celery = [(cc, pf) for cc in c["celery_drain_concurrency"] for pf in c["celery_prefetch"]]
        total = c["drain_runs"] * len(confs) + c["celery_drain_runs"] * len(celery)
        i = 0
        for r in range(max(c["drain_runs"], c["celery_drain_runs"])):
            if r < c["drain_runs"]:
                for conf in confs:
                    self.check_deadline()
                    i += 1
                    res = self.drain_jobq(n, conf)
                    res["run"] = r + 1
                    runs.append(res)
                    self.say("run %d/%d: jobq %s: %.0f jobs/s (%d jobs in %.2f s)" % (
                        i, total, conf_text(conf), res["per_s"], n, res["seconds"]))
            if r < c["celery_drain_runs"]:
                for cc, pf in celery:
                    self.check_deadline()
                    i += 1
                    res = self.celery_once_more("run %d/%d: celery concurrency %d, prefetch %d" % (i, total, cc, pf),
                                                lambda: self.drain_celery(n, cc, pf))
                    res["run"] = r + 1
                    crun.append(res)
                    self.say("run %d/%d: celery concurrency %d, prefetch %d: %.0f jobs/s (%d tasks in %.2f s)" % (
                        i, total, cc, pf, res["per_s"], n, res["seconds"]))

    def drain_jobq(self, n, conf):
        """n noop jobs submitted first, then conf's consumers (a jobq_config) start: the rate
        from the first started_at to the last finished_at."""
        workers, conc = conf["consumers"], conf["concurrency"]
        with Env(self, "drain", extra_env=conf["env"], limits=conf["limits"]) as e:
            sub_s = self.presubmit(e, n)
            t_start = now()
            procs = [e.consumer("d%d" % k, conc) for k in range(workers)]
            e.wait_finished(n, 60 + n / 100)
            wall = now() - t_start
            row = e.sql("select count(*), count(*) filter (where status = 'succeeded'),"
                        " extract(epoch from min(started_at)), extract(epoch from max(finished_at))"
                        " from jobs")[0]
            per_worker = dict(e.sql("select worker_id, count(*) from jobs group by 1"))
            e.stop_consumers(procs)
            cnt, ok, t_first, t_last = row
            if ok != n:
                raise ScenarioError("drain: %d of %d jobs succeeded" % (ok, n))
            secs = float(t_last) - float(t_first)
            return dict(conf_fields(conf), jobs=n, seconds=r3(secs), per_s=r1(n / secs),
                        wall_from_start_s=r3(wall), presubmit_s=r3(sub_s), per_worker=per_worker)

    # -- celery helpers
    def celery_env(self, vhost, prefetch, done_dir):
        env = dict(self.base_env)
        env.update(BENCH_CELERY_BROKER="pyamqp://jobq:jobq@127.0.0.1:%d/%s" % (self.amqp_port, vhost),
                   BENCH_CELERY_PREFETCH=str(prefetch), BENCH_CELERY_DONE_DIR=done_dir,
                   PYTHONDONTWRITEBYTECODE="1")
        return env

    def celery_worker(self, e, conc, prefetch, env):
        argv = [PY, "-m", "celery", "-A", "tasks", "worker", "--pool=prefork",
                "--concurrency=%d" % conc, "--prefetch-multiplier=%d" % prefetch,
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "-Q", "bench", "--loglevel=WARNING"]
        p = Proc(self, "%s-celery" % e.name, argv, env, cwd=PEER_DIR, group=True)
        e.procs.append(p)
        return p, argv[1:]

    def celery_produce(self, env, n, start=0, wait=True, task="noop"):
        p = subprocess.Popen([PY, os.path.join(PEER_DIR, "produce.py"), str(n), str(start), task], env=env,
                             cwd=PEER_DIR, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        if not wait:
            return p
        out, err = p.communicate(timeout=300)
        if p.returncode != 0:
            raise ScenarioError("celery producer exited %d: %s" % (p.returncode, err.decode()[-300:]))
        return _kv(out.decode())

    @staticmethod
    def records(done_dir):
        n = 0
        for f in os.listdir(done_dir):
            if f.startswith("done."):
                n += os.path.getsize(os.path.join(done_dir, f)) // 20
        return n

    @staticmethod
    def record_times(done_dir):
        ts = []
        for f in os.listdir(done_dir):
            if f.startswith("done."):
                with open(os.path.join(done_dir, f), "rb") as fh:
                    ts += [int(x) for x in fh.read().split()]
        return ts

    # A Celery worker that has done tasks and then does none for this long has stalled
    # (bench/README.md, "The Celery peer"): the wait ends there rather than at its timeout.
    CELERY_STALL_S = 20.0

    def wait_records(self, done_dir, n, timeout, worker):
        """Wait until done_dir holds n completion records; ScenarioError when the worker
        exits, stalls (CELERY_STALL_S without a new record once records have come) or the
        timeout passes."""
        first = self.records(done_dir)
        seen = {"count": first, "at": now()}

        def ok():
            if not worker.alive():
                raise ScenarioError("celery worker exited %s: %s" % (worker.p.returncode, worker.tail(8)))
            k = self.records(done_dir)
            if k != seen["count"]:
                seen.update(count=k, at=now())
            elif k > first and k < n and now() - seen["at"] > self.CELERY_STALL_S:
                raise ScenarioError("celery stalled: %d of %d tasks done, none in the last %.0f s" % (
                    k, n, self.CELERY_STALL_S))
            return k >= n
        wait_until(ok, timeout, 0.05, "%d celery tasks" % n)

    def celery_once_more(self, what, fn):
        """fn(), a Celery run; when it fails, fn() once more. The peer's worker now and then
        stops taking tasks short of the last ones (bench/README.md, "The Celery peer"), which
        measures nothing: the second run's result stands, with the first failure noted
        under "first_error". It only ever helps Celery's figures."""
        try:
            return fn()
        except ScenarioError as e:
            self.say("%s: FAILED (%s); running it once more" % (what, e))
            res = fn()
            res["first_error"] = str(e)
            return res

    # The Celery queue's message count (management API, refreshed every 5 s, later on a busy
    # broker) short of what was published and unchanged this long: messages were lost.
    QUEUE_STILL_S = 60.0

    def drain_celery(self, n, conc, prefetch, task="noop"):
        """n tasks (noop, or parse: the handlers scenario's) published first, then one prefork
        worker: rate from the first to the last completion record."""
        with Env(self, "cdrain", jobq=False) as e:
            done = os.path.join(self.tmp, e.name)
            os.makedirs(done)
            env = self.celery_env(e.vhost, prefetch, done)
            half = n // 2
            t0 = now()
            ps = [self.celery_produce(env, half, 0, wait=False, task=task),
                  self.celery_produce(env, n - half, half, wait=False, task=task)]
            for p in ps:
                out, err = p.communicate(timeout=300)
                if p.returncode != 0:
                    raise ScenarioError("celery producer exited %d: %s" % (p.returncode, err.decode()[-300:]))
            pub_s = now() - t0

            seen = {"count": None, "at": now()}

            def queued():
                q = self.mgmt("GET", "/api/queues/%s/bench" % e.vhost)
                k = q.get("messages")
                if k != seen["count"]:
                    seen.update(count=k, at=now())
                elif k and k < n and now() - seen["at"] > self.QUEUE_STILL_S:
                    # seen once under load: 2,738 of 3,000 for minutes (messages the
                    # producers' connections lost at exit?); the run fails, and runs again
                    raise ScenarioError("the celery queue holds %d of the %d messages published and has not "
                                        "changed for %.0f s" % (k, n, self.QUEUE_STILL_S))
                return k == n
            # The management API's counts can lag well behind a busy broker: wait long, and
            # say what it showed last when even that is not enough.
            try:
                wait_until(queued, 180, 0.5, "%d messages in the celery queue" % n)
            except ScenarioError as exc:
                raise ScenarioError("%s (the management API showed %s)" % (exc, seen["count"]))
            w, argv = self.celery_worker(e, conc, prefetch, env)
            self.wait_records(done, n, 60 + n / 50, w)
            ts = self.record_times(done)
            w.stop(15)
            if len(ts) != n:
                raise ScenarioError("celery drain: %d records for %d tasks" % (len(ts), n))
            secs = (max(ts) - min(ts)) / 1e9
            return {"concurrency": conc, "prefetch": prefetch, "jobs": n, "seconds": r3(secs),
                    "per_s": r1(n / secs), "publish_s": r3(pub_s), "worker": " ".join(argv)}

    # ============================================================== 3. end to end
    def s_e2e(self, rec):
        """Each round, for each number of jobs in flight: every jobq configuration with that
        many (consumers x concurrency) and Celery --concurrency that many at each prefetch,
        back to back in rotating order; ratios jobq/Celery taken within the round."""
        c = self.cfg
        n = c["e2e_jobs"]
        groups = {}
        for conf in self.confs["e2e_configs"]:
            groups.setdefault(conf["consumers"] * conf["concurrency"], []).append(conf)
        rec["params"] = {"jobs": n, "chunk": c["e2e_chunk"], "configs": self.confs["e2e_configs"],
                         "celery_prefetch": c["celery_prefetch"],
                         "how": "jobs / (last terminal state - first submit); each jobq configuration "
                                "against Celery --concurrency consumers x concurrency (the same jobs in "
                                "flight), round by round"}
        rounds = rec["rounds"] = []
        total = c["e2e_rounds"] * len(groups)
        k = 0
        for r in range(c["e2e_rounds"]):
            for tot, group in groups.items():
                k += 1
                systems = [("jobq", conf) for conf in group] + [("celery", pf) for pf in c["celery_prefetch"]]
                order = systems[r % len(systems):] + systems[:r % len(systems)]
                res = {"round": r + 1, "in_flight": tot, "celery_concurrency": tot,
                       "order": [x["key"] if s_ == "jobq" else "celery-p%d" % x for s_, x in order],
                       "jobq": {}}
                for s_, x in order:
                    self.check_deadline()
                    key = x["key"] if s_ == "jobq" else "celery_p%d" % x
                    slot = res["jobq"] if s_ == "jobq" else res
                    try:
                        slot[key] = self.e2e_jobq(n, x) if s_ == "jobq" else self.celery_once_more(
                            "run %d/%d: %d in flight: %s" % (k, total, tot, key),
                            lambda x=x: self.e2e_celery(n, tot, x))
                    except ScenarioError as e:
                        # One run that fails (a Celery worker that stops taking tasks, say)
                        # costs its pairs, not the scenario: the round goes on without it.
                        slot[key] = dict(conf_fields(x), error=str(e)) if s_ == "jobq" else {"error": str(e)}
                        self.say("run %d/%d: %d in flight: %s FAILED: %s" % (k, total, tot, key, e))
                cel = {pf: res["celery_p%d" % pf]["per_s"] for pf in c["celery_prefetch"]
                       if "per_s" in res.get("celery_p%d" % pf, {})}
                res["ratio"] = {key: {"p%d" % pf: r3(v["per_s"] / cel[pf]) for pf in cel}
                                for key, v in res["jobq"].items() if "per_s" in v}
                rounds.append(res)
                self.say("run %d/%d: %d in flight: %s; celery --concurrency %d %s" % (
                    k, total, tot, ", ".join("jobq %s %s jobs/s%s" % (
                        key, "%.0f" % v["per_s"] if "per_s" in v else "-",
                        " (ratio %s)" % ", ".join("%.2f vs p%d" % (res["ratio"][key]["p%d" % pf], pf) for pf in cel)
                        if cel and key in res["ratio"] else "") for key, v in res["jobq"].items()),
                    tot, ", ".join("prefetch %d %s jobs/s" % (pf, "%.0f" % cel[pf] if pf in cel else "-")
                                   for pf in c["celery_prefetch"])))
        bad = [v for r in rounds for v in list(r["jobq"].values()) + list(r.values())
               if isinstance(v, dict) and "error" in v]
        if bad:
            raise ScenarioError("%d run(s) failed (each noted in its round); the rest are reported"
                                % len(bad))

    def e2e_jobq(self, n, conf):
        """conf's consumers (a jobq_config) ready and warmed up by one job; n noop jobs
        submitted with `submit --batch` in chunks, one after the other: n / (last finished_at
        - the wall clock before the first submit)."""
        c = self.cfg
        with Env(self, "e2e", extra_env=conf["env"], limits=conf["limits"]) as e:
            procs = [e.consumer("e%d" % k, conf["concurrency"]) for k in range(conf["consumers"])]
            e.ready(procs)
            e.cli(["submit", "noop", '{"warmup":true}'])
            e.wait_finished(1, 30)
            chunk = c["e2e_chunk"]
            paths = []
            for k in range(0, n, chunk):
                m = min(chunk, n - k)
                paths.append(e.write_batch(os.path.join(self.tmp, "e2e-%d.jsonl" % len(paths)), m,
                                           payload_fn=lambda i, k=k: {"i": k + i}))
            t0 = now()
            for p in paths:
                e.cli(["submit", "--batch", p], timeout=120, stdout=subprocess.DEVNULL)
            t_sub = now()
            e.wait_finished(n + 1, 60 + n / 100)
            row = e.sql("select count(*) filter (where status = 'succeeded'), extract(epoch from max(finished_at)),"
                        " extract(epoch from min(created_at)) from jobs where payload ? 'i'")[0]
            e.stop_consumers(procs)
            ok, t_last, t_created = row
            if ok != n:
                raise ScenarioError("e2e: %d of %d jobs succeeded" % (ok, n))
            secs = float(t_last) - t0
            return dict(conf_fields(conf), jobs=n, seconds=r3(secs), per_s=r1(n / secs), submit_s=r3(t_sub - t0),
                        first_created_after_ms=r1((float(t_created) - t0) * 1000))

    def e2e_celery(self, n, conc, prefetch):
        with Env(self, "ce2e", jobq=False) as e:
            done = os.path.join(self.tmp, e.name)
            os.makedirs(done)
            env = self.celery_env(e.vhost, prefetch, done)
            w, argv = self.celery_worker(e, conc, prefetch, env)
            self.celery_produce(env, 1, -1)              # warm-up: the worker is up and consuming
            self.wait_records(done, 1, 90, w)
            p = self.celery_produce(env, n, 0, wait=False)
            try:
                first = _readline(p.stdout, 60)
                if not first.startswith("first_publish_ns "):
                    p.wait(30)
                    raise ScenarioError("celery producer: %s" % p.stderr.read().decode()[-300:])
                t0 = int(first.split()[1]) / 1e9
                self.wait_records(done, n + 1, 60 + n / 50, w)
                out, err = p.communicate(timeout=60)
            finally:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            info = _kv(out.decode())
            ts = self.record_times(done)
            w.stop(15)
            if len(ts) != n + 1:
                raise ScenarioError("celery e2e: %d records for %d tasks" % (len(ts), n + 1))
            secs = max(ts) / 1e9 - t0
            return {"jobs": n, "concurrency": conc, "prefetch": prefetch, "seconds": r3(secs),
                    "per_s": r1(n / secs),
                    "publish_s": r3((int(info.get("last_publish_ns", 0)) / 1e9 - t0) if info.get("last_publish_ns") else None),
                    "worker": " ".join(argv)}

    # ============================================================== 4. pickup latency
    def s_pickup(self, rec):
        c = self.cfg
        rec["params"] = {"jobs": c["pickup_jobs"], "gap_s": c["pickup_gap_s"], "consumers": c["e2e_consumers"],
                         "concurrency": c["e2e_concurrency"],
                         "how": "queued->running event time - jobs.created_at (database clock), single "
                                "`jobq submit` one after the other"}
        runs = rec["runs"] = []
        for r in range(c["pickup_runs"]):
            self.check_deadline()
            with Env(self, "pickup") as e:
                procs = [e.consumer("p%d" % k, c["e2e_concurrency"], log_level="info") for k in range(c["e2e_consumers"])]
                e.ready(procs)
                e.cli(["submit", "noop", '{"warmup":true}'])
                e.wait_finished(1, 30)
                t0 = now()
                for i in range(c["pickup_jobs"]):
                    e.cli(["submit", "noop", '{"i":%d}' % i], timeout=30)
                    time.sleep(c["pickup_gap_s"])
                dt = now() - t0
                e.wait_finished(c["pickup_jobs"] + 1, 60)
                ms = [float(x[0]) for x in e.sql(
                    "select extract(epoch from ev.at - j.created_at) * 1000 from jobs j join job_events ev"
                    " on ev.job_id = j.id and ev.from_status = 'queued' and ev.to_status = 'running'"
                    " where j.payload ? 'i'")]
                e.stop_consumers(procs)
                if len(ms) != c["pickup_jobs"]:
                    raise ScenarioError("pickup: %d samples for %d jobs" % (len(ms), c["pickup_jobs"]))
                d = dist(ms)
                runs.append({"load_per_s": r1(c["pickup_jobs"] / dt), "ms": _rd(d), "samples": [r3(x) for x in ms]})
                self.say("run %d/%d: p50 %.1f ms, p99 %.1f ms (n=%d, %.0f jobs/s offered)" % (
                    r + 1, c["pickup_runs"], d["p50"], d["p99"], d["n"], c["pickup_jobs"] / dt))

    # ============================================================== 5. submitting from code
    # Targets of issue 16: the SQL API's pickup latency, the relay wake-up's cost, and (when
    # its benchmark program is built) the C library's submit figures; the CLI and Celery's
    # apply_async side by side.
    TARGETS = {
        "sql_pickup_p50_ms": ("<", 15.0), "sql_pickup_p99_ms": ("<", 50.0),
        "cli_call_p50_ms": ("<", 10.0), "wake_ratio": (">=", 0.8),
        "lib_seq_p50_ms": ("<", 1.5), "lib_seq_per_s": (">=", 700.0), "lib_many_per_s": (">=", 10000.0),
    }

    def s_clients(self, rec):
        c = self.cfg
        rec["params"] = {
            "runs": c["clients_runs"], "pickup_jobs": c["clients_pickup_jobs"], "gap_s": c["pickup_gap_s"],
            "consumers": c["e2e_consumers"], "concurrency": c["e2e_concurrency"],
            "sql_calls": c["clients_sql_calls"], "cli_calls": c["clients_cli_calls"],
            "celery_calls": c["clients_celery_calls"], "lib_seq": c["clients_lib_seq"],
            "lib_many": c["clients_lib_many"], "wake_rounds": c["wake_rounds"],
            "wake_sessions": c["wake_sessions"], "wake_seconds": c["wake_seconds"],
            "how": "pickup: queued->running event - created_at (database clock), and - the client's wall "
                   "clock before the call; calls: client wall time per call, no consumer; wake-up: "
                   "jobq_submit calls from concurrent sessions with and without the commit's NOTIFY"}
        pick = rec["pickup_runs"] = []
        calls = rec["call_runs"] = []
        wake = rec["wake_runs"] = []
        lib_failed = []
        try:
            for r in range(c["clients_runs"]):
                self.check_deadline()
                res = self.clients_pickup()
                res["run"] = r + 1
                pick.append(res)
                self.say("pickup run %d/%d: SQL API p50 %.1f ms, p99 %.1f ms; CLI p50 %.1f ms from the call; "
                         "celery p50 %.1f ms from the call" % (
                             r + 1, c["clients_runs"], res["sql"]["ms"]["p50"], res["sql"]["ms"]["p99"],
                             res["cli"]["call_ms"]["p50"], res["celery"]["call_ms"]["p50"]))
            for r in range(c["clients_runs"]):
                self.check_deadline()
                res = self.clients_calls()
                res["run"] = r + 1
                calls.append(res)
                lib = res.get("libjobq")
                if lib and "error" in lib:
                    lib_failed.append(lib["error"])
                self.say("calls run %d/%d: SQL API p50 %.2f ms (%.0f/s), jobq submit p50 %.1f ms (%.0f/s), "
                         "apply_async p50 %.2f ms (%.0f/s), libjobq %s" % (
                             r + 1, c["clients_runs"], res["sql"]["latency_ms"]["p50"], res["sql"]["per_s"],
                             res["cli"]["latency_ms"]["p50"], res["cli"]["per_s"],
                             res["celery"]["latency_ms"]["p50"], res["celery"]["per_s"],
                             "not built" if lib is None else "FAILED" if "error" in lib else
                             "p50 %.2f ms (%.0f/s), many %.0f/s" % (
                                 lib["seq"]["p50_ms"], lib["seq"]["per_s"], lib["many"]["per_s"])))
            for r in range(c["wake_rounds"]):
                order = ["with", "without"] if r % 2 == 0 else ["without", "with"]
                res = {"round": r + 1, "order": order}
                for variant in order:
                    self.check_deadline()
                    res[variant] = self.wake_rate(variant == "without", c["wake_sessions"], c["wake_seconds"])
                res["ratio"] = r3(res["with"]["per_s"] / res["without"]["per_s"])
                wake.append(res)
                self.say("wake-up round %d/%d: %d sessions %.0f calls/s with the wake-up, %.0f without "
                         "(ratio %.2f)" % (r + 1, c["wake_rounds"], c["wake_sessions"], res["with"]["per_s"],
                                           res["without"]["per_s"], res["ratio"]))
            if lib_failed:
                raise ScenarioError("libjobq's benchmark failed (the other figures are reported): "
                                    + lib_failed[0])
        finally:
            rec["summary"] = self.clients_summary(pick, calls, wake)

    def clients_summary(self, pick, calls, wake):
        """Each figure as the median over runs (min, max, n), with its target and whether it is met."""
        def fig(values, unit, target=None):
            return figure(values, unit, self.TARGETS[target] if target else None)

        def of(runs, *path):
            out = []
            for x in runs:
                for k in path:
                    x = x.get(k) if isinstance(x, dict) else None
                out.append(x)
            return out
        s = {}
        for who in ("sql", "cli", "cli_agent", "celery"):
            for q in ("p50", "p99"):
                if who != "celery":
                    s["%s_pickup_%s_ms" % (who, q)] = fig(of(pick, who, "ms", q), "ms",
                                                          "sql_pickup_%s_ms" % q if who == "sql" else None)
                s["%s_pickup_call_%s_ms" % (who, q)] = fig(of(pick, who, "call_ms", q), "ms")
            s["%s_call_p50_ms" % who] = fig(of(calls, who, "latency_ms", "p50"), "ms",
                                            "cli_call_p50_ms" if who == "cli_agent" else None)
            s["%s_calls_per_s" % who] = fig(of(calls, who, "per_s"), "calls/s")
        s["lib_seq_p50_ms"] = fig(of(calls, "libjobq", "seq", "p50_ms"), "ms", "lib_seq_p50_ms")
        s["lib_seq_per_s"] = fig(of(calls, "libjobq", "seq", "per_s"), "jobs/s", "lib_seq_per_s")
        s["lib_many_per_s"] = fig(of(calls, "libjobq", "many", "per_s"), "jobs/s", "lib_many_per_s")
        s["wake_with_per_s"] = fig(of(wake, "with", "per_s"), "calls/s")
        s["wake_without_per_s"] = fig(of(wake, "without", "per_s"), "calls/s")
        s["wake_ratio"] = fig(of(wake, "ratio"), "ratio", "wake_ratio")
        return {k: v for k, v in s.items() if v is not None}

    def app_connect(self, e, name="bench-app"):
        """A warm autocommit session on e's database as the application role jobq_app (a
        member of jobq_producer, created by the stack; `jobq migrate` grants the SQL API)."""
        conn = psycopg2.connect(host="127.0.0.1", port=self.pg_port, user="jobq_app", password="jobq_app",
                                dbname=e.db, connect_timeout=10, application_name=name)
        conn.autocommit = True
        return conn

    def require_sql_api(self, e):
        # by name: migration 0016 added an argument (unique_for) to the one of 0011
        if e.one("select exists (select 1 from pg_proc where proname = 'jobq_submit'"
                 " and pronamespace = 'public'::regnamespace)") is not True:
            raise ScenarioError("the SQL API (migration 0011, jobq_submit) is missing from %s"
                                % self.args.src)

    def celery_calls(self, env, n, gap_ms, warmup=5):
        """Run celery_peer/calls.py: [(start_ns, end_ns)] of its n timed apply_async calls."""
        p = subprocess.run([PY, os.path.join(PEER_DIR, "calls.py"), str(n), "%g" % gap_ms, str(warmup)],
                           env=env, cwd=PEER_DIR, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60 + n * (gap_ms / 1000.0 + 0.05))
        if p.returncode != 0:
            raise ScenarioError("celery calls.py exited %d: %s" % (p.returncode, p.stderr.decode()[-300:]))
        out = [tuple(int(x) for x in line.split()[1:3]) for line in p.stdout.decode().splitlines()
               if line.startswith("call ")]
        if len(out) != n:
            raise ScenarioError("celery calls.py reported %d calls, not %d" % (len(out), n))
        return out

    def clients_pickup(self):
        """Pickup latency at light load: SQL API and CLI submits alternate into the pickup
        scenario's consumers; then Celery's apply_async into a worker of the same total
        concurrency, as reference."""
        c = self.cfg
        n, gap = c["clients_pickup_jobs"], c["pickup_gap_s"]
        out = {}
        with Env(self, "cpick") as e:
            self.require_sql_api(e)
            procs = [e.consumer("p%d" % k, c["e2e_concurrency"], log_level="info") for k in range(c["e2e_consumers"])]
            e.ready(procs)
            called = {}
            with contextlib.closing(self.app_connect(e)) as app, app.cursor() as cur:
                cur.execute("select jobq_submit('noop', '{\"warmup\":true}')")
                e.wait_finished(1, 30)
                t0 = now()
                for i in range(n):
                    t = now()
                    cur.execute("select jobq_submit('noop', %s::jsonb)::text", ('{"i":%d,"via":"sql"}' % i,))
                    called[cur.fetchone()[0]] = t
                    time.sleep(gap)
                    t = now()
                    p = e.cli(["submit", "noop", '{"i":%d,"via":"cli"}' % i], timeout=30)
                    called[p.stdout.decode().strip()] = t
                    time.sleep(gap)
            dt = now() - t0
            e.wait_finished(2 * n + 1, 60)
            rows = e.sql("select j.id::text, j.payload->>'via', extract(epoch from ev.at - j.created_at) * 1000,"
                         " extract(epoch from ev.at) from jobs j join job_events ev on ev.job_id = j.id"
                         " and ev.from_status = 'queued' and ev.to_status = 'running' where j.payload ? 'i'")
            e.stop_consumers(procs)
            for via in ("sql", "cli"):
                ms = [float(x[2]) for x in rows if x[1] == via]
                call = [(float(x[3]) - called[x[0]]) * 1000 for x in rows if x[1] == via and x[0] in called]
                if len(ms) != n or len(call) != n:
                    raise ScenarioError("clients pickup: %d samples (%d matched to their call) for %d %s jobs"
                                        % (len(ms), len(call), n, via))
                out[via] = {"ms": _rd(dist(ms)), "call_ms": _rd(dist(call)), "samples": [r3(x) for x in ms],
                            "call_samples": [r3(x) for x in call]}
            out["load_per_s"] = r1(2 * n / dt)
        out["celery"] = self.clients_pickup_celery(n, gap, c["e2e_consumers"] * c["e2e_concurrency"])
        return out

    def clients_pickup_celery(self, n, gap, conc):
        """Celery's apply_async to the task body's start, calls one after the other with the
        same pause. Records carry no task number: the worker runs these in publishing order
        (one at a time, far apart), so the k-th call goes with the k-th record."""
        warm = 5
        with Env(self, "cpickc", jobq=False) as e:
            done = os.path.join(self.tmp, e.name)
            os.makedirs(done)
            env = self.celery_env(e.vhost, 1, done)
            w, _ = self.celery_worker(e, conc, 1, env)
            self.celery_produce(env, 1, -1)              # the worker is up and consuming
            self.wait_records(done, 1, 90, w)
            got = self.celery_calls(env, n, gap * 1000, warm)
            self.wait_records(done, 1 + warm + n, 60, w)
            ts = sorted(self.record_times(done))[1 + warm:]
            w.stop(15)
        starts = sorted(t0 for t0, _ in got)
        ms = [(t - s) / 1e6 for s, t in zip(starts, ts)]
        if len(ms) != n or min(ms) < 0:
            raise ScenarioError("celery pickup: %d records for %d calls (earliest %.1f ms)" % (
                len(ts), n, min(ms) if ms else 0))
        return {"call_ms": _rd(dist(ms)), "call_samples": [r3(x) for x in ms]}

    def clients_calls(self):
        """Per-call wall time and calls/s of one sequential client, no consumer: the SQL API
        on a warm session, `jobq submit noop` as a whole process, the C library's benchmark
        program when it is built, and Celery's apply_async."""
        c = self.cfg
        out = {}
        with Env(self, "ccalls") as e:
            self.require_sql_api(e)
            with contextlib.closing(self.app_connect(e)) as app, app.cursor() as cur:
                def submit(i):
                    cur.execute("select jobq_submit('noop', %s::jsonb)", ('{"i":%d}' % i,))
                    cur.fetchone()
                for _ in range(20):
                    submit(-1)
                out["sql"] = timed_calls(submit, c["clients_sql_calls"])
            out["cli"] = timed_calls(lambda i: e.cli(["submit", "noop", '{"i":%d}' % i], timeout=30),
                                     c["clients_cli_calls"])
            out["cli_agent"] = self.agent_calls(e, c["clients_cli_calls"])
            try:
                out["libjobq"] = self.libjobq_figures(e)
            except ScenarioError as ex:   # the other clients' figures still count
                out["libjobq"] = {"error": str(ex)}
        with Env(self, "ccallsc", jobq=False) as e:
            done = os.path.join(self.tmp, e.name)
            os.makedirs(done)
            got = self.celery_calls(self.celery_env(e.vhost, 1, done), c["clients_celery_calls"], 0, 20)
        lat = [(t1 - t0) / 1e6 for t0, t1 in got]
        dt = (got[-1][1] - got[0][0]) / 1e9
        out["celery"] = {"n": len(lat), "seconds": r3(dt), "per_s": r1(len(lat) / dt), "latency_ms": _rd(dist(lat))}
        return out

    def agent_calls(self, e, n):
        """`jobq submit noop` processes sent to a `jobq agent` (docs/agent.md) on e's database and
        vhost: the same call as the CLI's figure, process start included, on warm connections."""
        sock = os.path.join(self.tmp, "agent-%s.sock" % e.name)
        agent = Proc(self, "agent-" + e.name, [self.jobq, "agent", "--socket", sock], e.env)

        def listening():
            with contextlib.closing(socket.socket(socket.AF_UNIX)) as s:
                try:
                    s.connect(sock)
                    return True
                except OSError:
                    return False
        try:
            wait_until(listening, 30, what="jobq agent listening on " + sock)
            env = dict(e.env, JOBQ_AGENT_SOCKET=sock)
            for _ in range(5):
                e.cli(["submit", "noop"], env=env)
            return timed_calls(lambda i: e.cli(["submit", "noop", '{"i":%d}' % i], timeout=30, env=env), n)
        finally:
            if agent.stop() not in (0, None):
                raise ScenarioError("jobq agent exited %s: %s" % (agent.p.returncode, agent.tail()))

    # --- the C library's figures: a clearly marked place until libjobq's benchmark exists ---
    LIBJOBQ_BENCH = ("libjobq_bench", "bench_submit")

    def libjobq_figures(self, e):
        """The C library's submit figures from its benchmark program (LIBJOBQ_BENCH, in the
        build folder or its clients/c): `PROGRAM seq N` and `PROGRAM many N ROUNDS` each print
        one JSON object; the servers come from JOBQ_DATABASE_URL / JOBQ_AMQP_URL. Returns
        {"seq": {"n", "p50_ms", "p99_ms", "per_s"}, "many": {"n", "per_s", "rounds_per_s"}},
        or None when the program is absent (bench/run does not build it yet)."""
        c = self.cfg
        where = [os.path.join(self.args.bin_dir, d, x) for x in self.LIBJOBQ_BENCH for d in ("", "clients/c")]
        prog = next((x for x in where if os.access(x, os.X_OK)), None)
        if prog is None:
            return None

        def run(*argv):
            p = subprocess.run([prog] + [str(x) for x in argv], env=e.env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            if p.returncode != 0:
                raise ScenarioError("%s %s exited %d: %s" % (os.path.basename(prog), argv[0], p.returncode,
                                                             p.stderr.decode(errors="replace").strip()[-300:]))
            try:
                return json.loads(p.stdout.decode().strip().splitlines()[-1])
            except (ValueError, IndexError):
                raise ScenarioError("%s %s printed no JSON object: %r" % (os.path.basename(prog), argv[0],
                                                                          p.stdout.decode()[-200:]))
        seq = run("seq", c["clients_lib_seq"])
        many = run("many", c["clients_lib_many"], 3)
        rounds = many.get("rounds_jobs_per_s") or []
        return {"program": os.path.basename(prog),
                "seq": {"n": seq.get("jobs"), "p50_ms": seq.get("p50_ms"), "p99_ms": seq.get("p99_ms"),
                        "per_s": seq.get("jobs_per_s")},
                "many": {"n": many.get("jobs"), "per_s": pct(rounds, 0.5) if rounds else many.get("best_jobs_per_s"),
                         "rounds_per_s": rounds}}

    def wake_rate(self, without, sessions, secs):
        """jobq_submit('noop') calls/s from `sessions` concurrent sessions of jobq_app for secs
        seconds, no consumer, one more session LISTENing on jobq_submitted (and reading what
        arrives). without: each session SETs jobq.woke = 'on', so its commits send no NOTIFY."""
        with Env(self, "cwake") as e, contextlib.ExitStack() as held:
            self.require_sql_api(e)
            listener = held.enter_context(contextlib.closing(psycopg2.connect(
                host="127.0.0.1", port=self.pg_port, user="jobq", password="jobq", dbname=e.db,
                connect_timeout=10, application_name="bench-listen")))
            listener.autocommit = True
            with listener.cursor() as cur:
                cur.execute("LISTEN jobq_submitted")
            conns = []
            for k in range(sessions):
                conns.append(held.enter_context(contextlib.closing(self.app_connect(e, "bench-app-%d" % k))))
                with conns[-1].cursor() as cur:
                    if without:
                        cur.execute("SET jobq.woke = 'on'")
                    cur.execute("select jobq_submit('noop')")
            stop = threading.Event()
            heard = [0]

            def listen():
                while not stop.is_set():
                    if select.select([listener], [], [], 0.1)[0]:
                        listener.poll()
                        heard[0] += len(listener.notifies)
                        del listener.notifies[:]
            counts = [0] * sessions
            errs = []
            start = now() + 0.2
            end = start + secs

            def work(k):
                try:
                    with conns[k].cursor() as cur:
                        time.sleep(max(0.0, start - now()))
                        while now() < end:
                            cur.execute("select jobq_submit('noop')")
                            counts[k] += 1
                except Exception as ex:   # reported below
                    errs.append(str(ex))
            lt = threading.Thread(target=listen)
            lt.start()
            th = [threading.Thread(target=work, args=(k,)) for k in range(sessions)]
            try:
                for t in th:
                    t.start()
                for t in th:
                    t.join()
                time.sleep(0.2)    # the last commits' notifications
            finally:
                stop.set()
                lt.join()
            if errs:
                raise ScenarioError("wake-up: " + errs[0])
            total = sum(counts)
            rows = e.one("select count(*) from jobs")
            if rows != total + sessions:
                raise ScenarioError("wake-up: %d rows for %d calls" % (rows, total + sessions))
            if without and heard[0]:
                raise ScenarioError("wake-up: %d notifications although every session set jobq.woke" % heard[0])
            if not without and not heard[0]:
                raise ScenarioError("wake-up: no notification on jobq_submitted for %d submits" % total)
            return {"calls": total, "seconds": secs, "per_s": r1(total / secs), "per_session": counts,
                    "notifications": heard[0]}

    # ============================================================== 6. cancel latency
    def s_cancel(self, rec):
        c = self.cfg
        per = c["cancel_per_round"]
        rounds = (c["cancel_jobs"] + per - 1) // per
        rec["params"] = {"cancels": rounds * per, "running_at_once": per, "consumers": 1, "concurrency": per,
                         "heartbeat_interval": "30s (default)",
                         "how": "cancelled event time - jobs.cancel_requested_at (database clock); "
                                "one `jobq cancel --wait` per job, one after the other"}
        runs = rec["runs"] = []
        for r in range(c["cancel_runs"]):
            self.check_deadline()
            with Env(self, "cancel") as e:
                w = e.consumer("c0", per, log_level="info")
                e.ready([w])
                path = e.write_batch(os.path.join(self.tmp, "cancel.jsonl"), per, "sleep",
                                     payload_fn=lambda i: {"seconds": 60})
                ms, printed = self.cancel_rounds(e, path, per, rounds)
                e.stop_consumers([w])
                d = dist(ms)
                runs.append({"ms": _rd(d), "cli_stop_ms": _rd(dist(printed)), "samples": [r3(x) for x in ms]})
                self.say("run %d/%d: p50 %.1f ms, p99 %.1f ms over %d cancels of running jobs" % (
                    r + 1, c["cancel_runs"], d["p50"], d["p99"], d["n"]))

    def cancel_rounds(self, e, path, per, rounds):
        """`rounds` times: submit the batch file path (per jobs that run until stopped), wait
        until all per run, then cancel them one by one with `jobq cancel --wait`. Returns the
        latencies (ms: the running -> cancelled event - cancel_requested_at, database clock)
        and the times the CLI printed; ScenarioError unless every job was cancelled from
        running."""
        printed, bad = [], 0
        for k in range(rounds):
            self.check_deadline()
            ids = e.cli(["submit", "--batch", path]).stdout.decode().split()
            wait_until(lambda: e.one("select count(*) from jobs where status = 'running'") == per,
                       30, 0.02, "%d jobs running" % per)
            for jid in ids:
                p = e.cli(["cancel", "--wait", "--timeout", "15s", jid], timeout=30, check=False)
                m = re.search(r"stopped \(cancelled\) in ([0-9.]+) ms", p.stdout.decode())
                if p.returncode == 0 and m:
                    printed.append(float(m.group(1)))
                else:
                    bad += 1
        ms = [float(x[0]) for x in e.sql(
            "select extract(epoch from ev.at - j.cancel_requested_at) * 1000 from jobs j join job_events ev"
            " on ev.job_id = j.id and ev.to_status = 'cancelled' and ev.from_status = 'running'")]
        if bad or len(ms) != rounds * per:
            raise ScenarioError("cancel: %d cancels failed, %d of %d cancelled from running" % (
                bad, len(ms), rounds * per))
        return ms, printed

    # ============================================================== 7. crash recovery
    def s_recovery(self, rec):
        c = self.cfg
        nj = c["recovery_jobs"]
        rec["params"] = {"kills": c["recovery_kills"], "jobs_per_kill": nj, "concurrency": 8,
                         "how": "first running event of the job under another worker - time of kill -9 "
                                "(wall clock of this machine on both sides)"}
        runs = rec["runs"] = []
        for r in range(c["recovery_runs"]):
            self.check_deadline()
            with Env(self, "recovery") as e:
                path = e.write_batch(os.path.join(self.tmp, "recovery.jsonl"), nj, "sleep",
                                     payload_fn=lambda i: {"seconds": 600}, extra={"max_attempts": 5})
                holder = e.consumer("k0", 8, log_level="info")
                e.ready([holder])
                samples, per_kill, paths, stuck = [], [], {}, []
                for k in range(c["recovery_kills"]):
                    self.check_deadline()
                    tk0 = now()
                    ids = e.cli(["submit", "--batch", path]).stdout.decode().split()
                    wait_until(lambda: e.one("select count(*) from jobs where id = any(%s::uuid[]) and status = 'running'"
                                             " and worker_id = %s", (ids, holder.wid)) == nj,
                               30, 0.02, "%d jobs running on %s" % (nj, holder.wid))
                    tk1 = now()
                    new = e.consumer("k%d" % (k + 1), 8, log_level="info")
                    e.ready([holder, new])
                    tk2 = now()
                    t_kill = now()
                    os.kill(holder.pid, signal.SIGKILL)
                    holder.p.wait(10)
                    t_gone = now()

                    def taken():
                        return e.sql("select job_id::text, min(extract(epoch from at)), min(from_status) from job_events"
                                     " where job_id = any(%s::uuid[]) and to_status = 'running' and worker_id = %s"
                                     " group by job_id", (ids, new.wid))
                    try:
                        rows = wait_until(lambda: (lambda r: r if len(r) == nj else None)(taken()),
                                          c["recovery_limit_s"], 0.01, "takeovers")
                    except ScenarioError:
                        rows = taken()
                        late = [j for j in ids if j not in {x[0] for x in rows}]
                        stuck.extend(late)
                        self.say("kill %d: %d of %d jobs not running again on %s within %g s: %s" % (
                            k + 1, len(late), nj, new.wid, c["recovery_limit_s"], ", ".join(late)))
                        # censored at the limit, so the percentiles show them
                        rows = list(rows) + [(j, t_kill + c["recovery_limit_s"], "none") for j in late]
                    ms = [(float(t) - t_kill) * 1000 for _, t, _ in rows]
                    for _, _, fs in rows:
                        paths[fs] = paths.get(fs, 0) + 1
                    samples += ms
                    tk3 = now()
                    holder.logf.close()
                    e.cli(["cancel"] + ids, check=False)
                    wait_until(lambda: e.one("select count(*) from jobs where id = any(%s::uuid[]) and status = 'cancelled'",
                                             (ids,)) == nj - len([j for j in ids if j in stuck]), 30, 0.02,
                               "the jobs cancelled")
                    per_kill.append({"max_ms": r1(max(ms)), "gone_ms": r1((t_gone - t_kill) * 1000),
                                     "setup_s": r3(tk1 - tk0), "ready_s": r3(tk2 - tk1),
                                     "takeover_wait_s": r3(tk3 - t_kill), "cancel_s": r3(now() - tk3)})
                    holder = new
                e.stop_consumers([holder])
                d = dist(samples)
                runs.append({"ms": _rd(d), "per_kill": per_kill, "paths": paths, "not_recovered": stuck,
                             "limit_s": c["recovery_limit_s"],
                             "samples": [r1(x) for x in samples]})
                self.say("run %d/%d: p50 %.0f ms, p99 %.0f ms over %d kills (%d takeovers, via %s%s)" % (
                    r + 1, c["recovery_runs"], d["p50"], d["p99"], c["recovery_kills"], d["n"],
                    ", ".join("%s->running %d" % (k, v) for k, v in sorted(paths.items()) if k != "none"),
                    "; %d NOT running again within %g s" % (len(stuck), c["recovery_limit_s"]) if stuck else ""))

    # ============================================================== 8. heartbeat cost
    LOG_RE = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] LOG:  (?:statement|execute [^:]*): (.*)$")

    def s_heartbeat(self, rec):
        c = self.cfg
        rec["params"] = {"configs": c["hb_configs"], "heartbeat_interval_ms": c["hb_interval_ms"],
                         "windows": c["hb_windows"], "window_s": c["hb_window_s"],
                         "how": "statements logged (log_statement=all on the scenario's database) during a "
                                "window in which only sleep jobs run; keeper = the workers' heartbeat sessions"}
        runs = rec["runs"] = []
        failed = []
        for wk, jobs in c["hb_configs"]:
            self.check_deadline()
            try:
                res = self.hb_config(wk, jobs)
            except ScenarioError as ex:
                failed.append("%d workers, %d jobs: %s" % (wk, jobs, ex))
                runs.append({"workers": wk, "jobs": jobs, "error": str(ex)})
                self.say("%d worker%s, %d running jobs: FAILED: %s" % (wk, "" if wk == 1 else "s", jobs, ex))
                continue
            runs.append(res)
            self.say("%d worker%s, %d running jobs: heartbeat sessions %.1f statements/s "
                     "(%.1f heartbeat UPDATEs/s), all sessions %.1f statements/s" % (
                         wk, "" if wk == 1 else "s", jobs, res["keeper_stmts_per_s"],
                         res["heartbeat_updates_per_s"], res["all_stmts_per_s"]))
        if failed:
            raise ScenarioError("; ".join(failed))

    def hb_config(self, wk, jobs):
        c = self.cfg
        with Env(self, "hb", db_settings={"log_statement": "'all'"}) as e:
            per = max(1, -(-jobs // wk))          # slots for every job: ceil(jobs / workers)
            xenv = {"HEARTBEAT_INTERVAL": "%dms" % c["hb_interval_ms"]}
            procs = [e.consumer("h%d" % k, per, xenv, log_level="info") for k in range(wk)]
            e.ready(procs, timeout=120)
            if jobs:
                path = e.write_batch(os.path.join(self.tmp, "hb.jsonl"), jobs, "sleep",
                                     payload_fn=lambda i: {"seconds": 900})
                e.cli(["submit", "--batch", path], timeout=120, stdout=subprocess.DEVNULL)
                wait_until(lambda: e.one("select count(*) from jobs where status = 'running'") == jobs,
                           120, 0.2, "%d jobs running" % jobs)
            time.sleep(2.0 * c["hb_interval_ms"] / 1000 + 0.5)   # past the claims' last statements
            wins = [self.hb_window(e, c["hb_window_s"]) for _ in range(c["hb_windows"])]
            running = e.one("select count(*) from jobs where status = 'running'")
            spread = [n for _, n in e.sql("select worker_id, count(*) from jobs where status = 'running'"
                                          " group by 1 order by 1")]
            for p in procs:
                p.kill()
            res = {"workers": wk, "jobs": jobs, "concurrency": per, "still_running": running,
                   "jobs_per_worker": spread, "windows": wins}
            for key in ("keeper_stmts_per_s", "heartbeat_updates_per_s", "all_stmts_per_s"):
                res[key] = r1(pct([w[key] for w in wins], 0.5))
            return res

    def hb_window(self, e, secs):
        def apps():
            return dict(e.sql("select pid, application_name from pg_stat_activity where datname = current_database()"))
        a = apps()
        off0 = os.path.getsize(self.pg_log)
        t0 = now()
        time.sleep(secs)
        off1 = os.path.getsize(self.pg_log)
        t1 = now()
        a.update(apps())
        with open(self.pg_log, "rb") as f:
            f.seek(off0)
            text = f.read(off1 - off0).decode("utf-8", "replace")
        keeper = hb = allst = 0
        kinds = {}
        for line in text.splitlines():
            m = self.LOG_RE.match(line)
            if not m:
                continue
            pid = int(m.group(1))
            app = a.get(pid)
            if app is None or app in ("bench", "bench-admin"):
                continue
            allst += 1
            role = re.sub(r"-\d+$", "", app)
            kinds[role] = kinds.get(role, 0) + 1
            if app == "jobq-consumer keeper":
                keeper += 1
                if "heartbeat_at" in m.group(2):
                    hb += 1
        dt = t1 - t0
        return {"seconds": r3(dt), "keeper_stmts_per_s": r1(keeper / dt), "heartbeat_updates_per_s": r1(hb / dt),
                "all_stmts_per_s": r1(allst / dt), "by_session": {k: r1(v / dt) for k, v in kinds.items()}}

    # ============================================================== 9. memory
    def s_memory(self, rec):
        c = self.cfg
        rec["params"] = {"concurrency": c["mem_concurrency"], "jobs": c["mem_jobs"],
                         "how": "VmHWM (peak RSS) of the jobq-consumer process in /proc/PID/status, "
                                "idle 2 s after start, then after draining the jobs"}
        runs = rec["runs"] = []
        for r in range(c["mem_runs"]):
            for cc in c["mem_concurrency"]:
                self.check_deadline()
                with Env(self, "mem") as e:
                    w = e.consumer("m0", cc)
                    e.ready([w])
                    time.sleep(2)
                    idle = _status(w.pid)
                    self.presubmit(e, c["mem_jobs"], parts=1)
                    e.wait_finished(c["mem_jobs"], 60 + c["mem_jobs"] / 100)
                    load = _status(w.pid)
                    e.stop_consumers([w])
                    res = {"concurrency": cc, "jobs": c["mem_jobs"], "idle_hwm_kib": idle["VmHWM"],
                           "idle_rss_kib": idle["VmRSS"], "load_hwm_kib": load["VmHWM"],
                           "load_rss_kib": load["VmRSS"], "threads": load.get("Threads")}
                    runs.append(res)
                    self.say("run %d/%d, concurrency %d: peak RSS idle %.1f MiB, after %d jobs %.1f MiB" % (
                        r + 1, c["mem_runs"], cc, idle["VmHWM"] / 1024, c["mem_jobs"], load["VmHWM"] / 1024))


    # ============================================================== 10. handlers
    # Issue 17's targets: a persistent Python pool against Celery's best prefetch at the same
    # number of processes, and against exec mode (a process a job); exec mode's own rate with
    # /bin/true; cancel latency through a pool.
    HANDLER_TARGETS = {"vs_celery": (">=", 1.0), "vs_exec": (">=", 20.0), "true_per_s": (">=", 400.0),
                       "cancel_p99_ms": ("<", 50.0)}
    # Distinct child pids allowed in the faults part beyond processes + kills.
    FAULT_PID_SLACK = 3

    def s_handlers(self, rec):
        c = self.cfg
        # the handlers_* sizes without their prefix (rounds, jobs, exec_jobs, ...), and more
        rec["params"] = {k[len("handlers_"):]: v for k, v in c.items() if k.startswith("handlers_")}
        rec["params"].update(
            celery_prefetch=c["celery_prefetch"],
            payload_bytes=len(json.dumps(bench_work.payload(0), separators=(",", ":"))),
            how="drain: jobs / (last finished_at - first started_at), database clock (Celery: first to last "
                "completion record); exec mode runs fewer jobs, a rate either way; cancel: cancelled event "
                "- cancel_requested_at; faults: kill -9 of a pool child running a job")
        lacking = {"python": self.persistent_lacking("python"), "node": self.persistent_lacking("node")}
        rec["persistent_lacking"] = {k: v for k, v in lacking.items() if v}
        for lang, why in rec["persistent_lacking"].items():
            self.say("persistent %s handlers cannot run: %s" % (lang, why))
        failed = []
        drain = rec["drain_rounds"] = []
        node = rec["node_rounds"] = []
        true = rec["true_runs"] = []
        try:
            for r in range(c["handlers_rounds"]):
                for procs in c["handlers_processes"]:
                    drain.append(self.handlers_round(r, procs, lacking["python"], failed))
                true.append(self.guarded(failed, "exec /bin/true", lambda: self.handlers_drain(
                    c["handlers_true_jobs"], c["handlers_true_concurrency"],
                    [handler_entry("true", ["/bin/true"])], "true", lambda i: {"i": i}, check_result=False)))
                if "per_s" in true[-1]:
                    self.say("round %d/%d: exec mode /bin/true, concurrency %d: %.0f jobs/s (%d jobs)" % (
                        r + 1, c["handlers_rounds"], c["handlers_true_concurrency"], true[-1]["per_s"],
                        c["handlers_true_jobs"]))
                node.append(self.handlers_node_round(r, lacking["node"], failed))
            rec["cancel"] = self.guarded(failed, "python cancel", lambda: self.handlers_cancel(
                "python", c["handlers_cancel_jobs"]), lacking["python"])
            rec["faults"] = self.guarded(failed, "faults", self.handlers_faults, lacking["python"])
            rec["node_cancel"] = self.guarded(failed, "node cancel", lambda: self.handlers_cancel(
                "node", c["handlers_node_cancel_jobs"]), lacking["node"])
        finally:
            rec["summary"] = self.handlers_summary(rec)
        if failed:
            raise ScenarioError("%d part(s) failed (each noted where it ran): %s" % (len(failed), "; ".join(failed[:3])))

    def guarded(self, failed, what, fn, lacking=None):
        """fn()'s result, or {"error"} when it raised ScenarioError or cannot run (lacking):
        one part that fails costs its figure, not the scenario's other parts."""
        self.check_deadline()
        try:
            if lacking:
                raise ScenarioError("not run: " + lacking)
            return fn()
        except ScenarioError as ex:
            failed.append("%s: %s" % (what, ex))
            self.say("%s FAILED: %s" % (what, ex))
            return {"error": str(ex)}

    def persistent_lacking(self, lang):
        """None when this build runs persistent handlers of lang ("python" or "node") with its
        SDK; else why not, in one line (the SDK missing from the sources, no node, or a
        jobq-consumer that refuses mode = "persistent")."""
        if lang == "node":
            if not NODE:
                return "no node program on PATH"
            if not os.path.exists(self.node_sdk()):
                return "no Node worker SDK (%s)" % self.node_sdk()
        elif not os.path.exists(os.path.join(self.python_sdk(), "jobq", "worker.py")):
            return "no Python worker SDK (%s/jobq/worker.py)" % self.python_sdk()
        conf = os.path.join(self.tmp, "persistent-check.conf")
        with open(conf, "w") as f:
            f.write("handlers = ( %s );\n" % self.pool_entry(lang, "parse", 1))
        p = subprocess.run([self.consumer_bin, "--check-config"], env=dict(self.base_env, JOBQ_CONFIG=conf),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
        if p.returncode != 0:
            return "jobq-consumer --check-config refuses a persistent handler: %s" % (
                p.stderr.decode(errors="replace").strip().splitlines() or ["exit %d" % p.returncode])[-1]
        return None

    def python_sdk(self):
        return os.path.join(self.args.src, "clients", "python")

    def node_sdk(self):
        return os.path.join(self.args.src, "clients", "node", "lib", "worker.js")

    def pool_entry(self, lang, typ, processes, env=()):
        """The handlers entry of a persistent pool of processes children running
        bench/handlers/persistent.py (or .js) with the SDK of the benchmarked sources."""
        if lang == "node":
            return handler_entry(typ, [NODE, os.path.join(HANDLERS_DIR, "persistent.js")], processes,
                                 ["BENCH_NODE_WORKER=" + self.node_sdk()] + list(env))
        return handler_entry(typ, [PY, os.path.join(HANDLERS_DIR, "persistent.py")], processes,
                             ["PYTHONPATH=" + self.python_sdk(), "PYTHONDONTWRITEBYTECODE=1"] + list(env))

    @staticmethod
    def exec_entry(lang):
        """The handlers entry of exec mode: a process a job, bench/handlers/exec_parse.py (.js)."""
        if lang == "node":
            return handler_entry("parse", [NODE, os.path.join(HANDLERS_DIR, "exec_parse.js")])
        return handler_entry("parse", [PY, os.path.join(HANDLERS_DIR, "exec_parse.py")],
                             env=["PYTHONDONTWRITEBYTECODE=1"])

    def handlers_conf(self, e, entries):
        """A configuration file for e's consumers with these handlers entries."""
        path = os.path.join(self.tmp, "%s.conf" % e.name)
        with open(path, "w") as f:
            f.write("handlers = (\n  %s\n);\n" % ",\n  ".join(entries))
        return path

    def handlers_drain(self, n, conc, entries, typ="parse", payload_fn=None, check_result=True, tag="hdrain"):
        """n jobs of typ submitted first, then one consumer at concurrency conc with these
        handlers entries: the drain scenario's rate. check_result: every result must equal
        its payload (the handler parsed it and gave it back)."""
        with Env(self, tag) as e:
            conf = self.handlers_conf(e, entries)
            sub_s = self.presubmit(e, n, typ=typ, payload_fn=payload_fn or bench_work.payload)
            w = e.consumer("h0", conc, {"JOBQ_CONFIG": conf})
            e.wait_finished(n, 60 + n / 10, "status in " + TERMINAL)
            row = e.sql("select count(*) filter (where status = 'succeeded'), count(*) filter (where result = payload),"
                        " extract(epoch from min(started_at)), extract(epoch from max(finished_at)) from jobs")[0]
            errors = e.sql("select error, count(*) from jobs where status <> 'succeeded' group by 1 order by 2 desc limit 1")
            e.stop_consumers([w])
        ok, same, t_first, t_last = row
        if ok != n:
            raise ScenarioError("%d of %d jobs succeeded%s" % (ok, n, " (%s: %d)" % errors[0] if errors else ""))
        if check_result and same != n:
            raise ScenarioError("%d of %d results equal their payload" % (same, n))
        secs = float(t_last) - float(t_first)
        return {"jobs": n, "concurrency": conc, "seconds": r3(secs), "per_s": r1(n / secs), "presubmit_s": r3(sub_s)}

    def handlers_round(self, r, procs, lacking, failed):
        """One round at procs processes: the persistent pool, exec mode and Celery at both
        prefetches, back to back in rotating order, and the ratios of this round."""
        c = self.cfg
        systems = ["persistent", "exec"] + ["celery_p%d" % pf for pf in c["celery_prefetch"]] + ["builtin"]
        k = r % len(systems)
        order = systems[k:] + systems[:k]
        res = {"round": r + 1, "processes": procs, "order": order}
        for name in order:
            if name == "persistent":
                res[name] = self.guarded(failed, "round %d, %d processes, persistent" % (r + 1, procs),
                                         lambda: self.handlers_drain(
                                             c["handlers_jobs"], procs * c["handlers_slots"],
                                             [self.pool_entry("python", "parse", procs)]),
                                         lacking)
            elif name == "exec":
                res[name] = self.guarded(failed, "round %d, %d processes, exec" % (r + 1, procs),
                                         lambda: self.handlers_drain(c["handlers_exec_jobs"], procs,
                                                                     [self.exec_entry("python")]))
            elif name == "builtin":
                # jobq's own cost a job at this concurrency (claim, finish: two commits), the
                # ceiling of any handler: the built-in noop on the same payloads
                res[name] = self.guarded(failed, "round %d, %d processes, built-in noop" % (r + 1, procs),
                                         lambda: self.handlers_drain(c["handlers_jobs"],
                                                                     procs * c["handlers_slots"], [], "noop",
                                                                     check_result=False))
            else:
                pf = int(name[len("celery_p"):])
                res[name] = self.guarded(failed, "round %d, %d processes, %s" % (r + 1, procs, name),
                                         lambda: self.drain_celery(c["handlers_jobs"], procs, pf, task="parse"))
        rates = {s: res[s]["per_s"] for s in systems if "per_s" in res[s]}
        res["ratio"] = {}
        if "persistent" in rates:
            for s in systems[1:-1]:
                if s in rates:
                    res["ratio"]["vs_" + s] = r3(rates["persistent"] / rates[s])
        self.say("round %d/%d, %d processes: persistent %s, exec %s, %s, built-in noop %s jobs/s (%s)" % (
            r + 1, c["handlers_rounds"], procs, _rate(rates, "persistent"), _rate(rates, "exec"),
            ", ".join("celery p%d %s" % (pf, _rate(rates, "celery_p%d" % pf)) for pf in c["celery_prefetch"]),
            _rate(rates, "builtin"),
            ", ".join("%.2fx %s" % (v, k[3:]) for k, v in res["ratio"].items()) or "no ratio"))
        return res

    def handlers_node_round(self, r, lacking, failed):
        """The Node version of a round: persistent pool against exec mode, at node_processes."""
        c = self.cfg
        procs = c["handlers_node_processes"]
        order = ["persistent", "exec"] if r % 2 == 0 else ["exec", "persistent"]
        res = {"round": r + 1, "processes": procs, "order": order}
        for name in order:
            if name == "persistent":
                res[name] = self.guarded(failed, "node round %d, persistent" % (r + 1), lambda: self.handlers_drain(
                    c["handlers_node_jobs"], procs * c["handlers_slots"],
                    [self.pool_entry("node", "parse", procs)]), lacking)
            else:
                res[name] = self.guarded(failed, "node round %d, exec" % (r + 1), lambda: self.handlers_drain(
                    c["handlers_node_exec_jobs"], procs, [self.exec_entry("node")]),
                    None if NODE else "no node program on PATH")
        rates = {s: res[s]["per_s"] for s in order if "per_s" in res[s]}
        res["ratio"] = {"vs_exec": r3(rates["persistent"] / rates["exec"])} if len(rates) == 2 else {}
        self.say("round %d/%d, node, %d processes: persistent %s, exec %s jobs/s%s" % (
            r + 1, c["handlers_rounds"], procs, _rate(rates, "persistent"), _rate(rates, "exec"),
            " (%.1fx)" % res["ratio"]["vs_exec"] if res["ratio"] else ""))
        return res

    def handlers_cancel(self, lang, total):
        """total jobs of a persistent pool, per_round at a time (processes = concurrency =
        per_round), each waiting on its job.cancelled, cancelled one by one with `jobq cancel
        --wait`; then 10 more jobs of the same pool must succeed (it still serves)."""
        c = self.cfg
        per = min(c["handlers_cancel_per_round"], total)
        rounds = (total + per - 1) // per
        check = 10
        with Env(self, "hcancel") as e:
            conf = self.handlers_conf(e, [self.pool_entry(lang, "wait", per)])
            w = e.consumer("hc0", per, {"JOBQ_CONFIG": conf}, log_level="info")
            e.ready([w])
            path = e.write_batch(os.path.join(self.tmp, "hcancel.jsonl"), per, "wait",
                                 payload_fn=lambda i: {"hold": True, "i": i})
            ms, printed = self.cancel_rounds(e, path, per, rounds)
            path = e.write_batch(os.path.join(self.tmp, "hcancel-after.jsonl"), check, "wait",
                                 payload_fn=lambda i: {"hold": False, "i": i})
            ids = e.cli(["submit", "--batch", path]).stdout.decode().split()
            e.wait_finished(check, 60, "id = any('{%s}'::uuid[])" % ",".join(ids))
            ok, pids = e.sql("select count(*) filter (where status = 'succeeded'), count(distinct result->>'pid')"
                             " from jobs where id = any(%s::uuid[])", (ids,))[0]
            e.stop_consumers([w])
        if ok != check:
            raise ScenarioError("after the cancels, %d of %d jobs of the pool succeeded" % (ok, check))
        d = dist(ms)
        self.say("%s cancel: p50 %.1f ms, p99 %.1f ms over %d cancels of running jobs; then %d jobs succeeded "
                 "(%d child pid%s)" % (lang, d["p50"], d["p99"], d["n"], ok, pids, "" if pids == 1 else "s"))
        return {"lang": lang, "running_at_once": per, "ms": _rd(d), "cli_stop_ms": _rd(dist(printed)),
                "after": {"jobs": check, "succeeded": ok, "child_pids": pids}, "samples": [r3(x) for x in ms]}

    def handlers_faults(self):
        """A persistent pool drains fault_jobs jobs (each holds fault_ms) while the harness
        kill -9s a child running a job, fault_kills times, spread over the drain. Every job
        must succeed, and only the jobs the kills hit may have needed a second attempt."""
        c = self.cfg
        n, procs, kills = c["handlers_fault_jobs"], c["handlers_fault_processes"], c["handlers_fault_kills"]
        with Env(self, "hfault") as e:
            marks = os.path.join(self.tmp, e.name + "-marks")
            os.makedirs(marks)
            conf = self.handlers_conf(e, [self.pool_entry("python", "pid", procs, ["BENCH_MARK_DIR=" + marks])])
            self.presubmit(e, n, typ="pid", payload_fn=lambda i: {"i": i, "ms": c["handlers_fault_ms"]},
                           extra={"max_attempts": 5})
            w = e.consumer("hf0", procs, {"JOBQ_CONFIG": conf})
            killed = []
            for k in range(kills):
                self.check_deadline()
                goal = n * (k + 1) // (kills + 1)
                wait_until(lambda: e.one("select count(*) from jobs where status = 'succeeded'") >= goal,
                           60 + n / 20, 0.05, "%d jobs done before kill %d" % (goal, k + 1))
                killed.append(self.kill_running_child(e, w, marks))
            e.wait_finished(n, 60 + n / 10, "status in " + TERMINAL)
            ok, bad, pids, t_first, t_last = e.sql(
                "select count(*) filter (where status = 'succeeded'), count(*) filter (where status <> 'succeeded'),"
                " count(distinct result->>'pid'), extract(epoch from min(started_at)),"
                " extract(epoch from max(finished_at)) from jobs")[0]
            retried = dict(e.sql("select id::text, attempt from jobs where attempt > 1"))
            e.stop_consumers([w])
        hit = [x["job"] for x in killed if x["job"] in retried]
        other = sorted(set(retried) - {x["job"] for x in killed})
        res = {"jobs": n, "processes": procs, "kills": killed, "succeeded": ok, "not_succeeded": bad,
               "retried": len(retried), "kills_that_hit_their_job": len(hit), "retried_without_kill": other,
               "child_pids": pids, "pid_bound": procs + kills + self.FAULT_PID_SLACK,
               "seconds": r3(float(t_last) - float(t_first)), "per_s": r1(n / (float(t_last) - float(t_first)))}
        self.say("faults: %d kill -9 of a pool child running a job: %d of %d jobs succeeded, %d retried (%d hit by a "
                 "kill), %d distinct child pids (bound %d), %.0f jobs/s" % (
                     kills, ok, n, len(retried), len(hit), pids, res["pid_bound"], res["per_s"]))
        if ok != n:
            raise ScenarioError("faults: %d of %d jobs succeeded" % (ok, n))
        if other:
            raise ScenarioError("faults: %d job(s) needed another attempt though no kill hit them: %s" % (
                len(other), ", ".join(other[:3])))
        if not hit:
            raise ScenarioError("faults: none of the %d kills hit the job its child was running" % kills)
        return res

    def kill_running_child(self, e, w, marks):
        """kill -9 one child of consumer w's pools that is running a job: a descendant of w
        whose mark file ($BENCH_MARK_DIR/<pid>, written by the handler at each job's start)
        names a job the database shows running. Returns {"pid", "job"}."""
        deadline = now() + 10
        while now() < deadline:
            marked = {}
            for pid in descendants(w.pid):
                try:
                    with open(os.path.join(marks, str(pid))) as f:
                        job = f.read().strip()
                except OSError:
                    continue
                if re.fullmatch(r"[0-9a-f-]{36}", job):   # not a mark read while being rewritten
                    marked[pid] = job
            running = {x[0] for x in e.sql("select id::text from jobs where id = any(%s::uuid[]) and status = 'running'",
                                           (list(marked.values()),))} if marked else set()
            for pid, job in sorted(marked.items()):
                if job in running:
                    os.kill(pid, signal.SIGKILL)
                    return {"pid": pid, "job": job}
            time.sleep(0.005)
        raise ScenarioError("no child of consumer %s was running a job for 10 s" % w.wid)

    def handlers_summary(self, rec):
        """The scenario's figures: per number of processes, each system's rate and the ratios
        of persistent mode to Celery's best prefetch (the one with the higher median) and to
        exec mode, taken round by round; exec /bin/true; cancel latency; faults; Node."""
        c = self.cfg
        T = self.HANDLER_TARGETS
        s = {}

        def rates(rounds, key):
            return [x[key].get("per_s") for x in rounds if isinstance(x.get(key), dict)]
        for procs in c["handlers_processes"]:
            rounds = [x for x in rec.get("drain_rounds", []) if x["processes"] == procs]
            f = {}
            for key in ["persistent", "exec", "builtin"] + ["celery_p%d" % pf for pf in c["celery_prefetch"]]:
                f[key] = figure(rates(rounds, key), "jobs/s")
            have = [pf for pf in c["celery_prefetch"] if f["celery_p%d" % pf]]
            best = max(have, key=lambda pf: f["celery_p%d" % pf]["median"]) if have else None
            f["celery_best_prefetch"] = best
            f["vs_celery"] = figure([x["ratio"].get("vs_celery_p%d" % best) for x in rounds] if best else [],
                                    "ratio", T["vs_celery"])
            f["vs_exec"] = figure([x["ratio"].get("vs_exec") for x in rounds], "ratio", T["vs_exec"])
            s["p%d" % procs] = {k: v for k, v in f.items() if v is not None}
        s["true_per_s"] = figure([x.get("per_s") for x in rec.get("true_runs", [])], "jobs/s", T["true_per_s"])
        for key in ("cancel", "node_cancel"):
            x = rec.get(key) or {}
            s[key + "_p50_ms"] = figure([(x.get("ms") or {}).get("p50")], "ms")
            s[key + "_p99_ms"] = figure([(x.get("ms") or {}).get("p99")], "ms", T["cancel_p99_ms"])
        fl = rec.get("faults") or {}
        if "child_pids" in fl:
            s["faults"] = {k: fl[k] for k in ("jobs", "processes", "succeeded", "not_succeeded", "retried",
                                              "kills_that_hit_their_job", "child_pids", "pid_bound", "per_s")}
            s["faults"]["kills"] = len(fl["kills"])
            s["faults"]["met"] = fl["succeeded"] == fl["jobs"] and not fl["retried_without_kill"] and \
                fl["child_pids"] <= fl["pid_bound"]
        node = rec.get("node_rounds", [])
        s["node"] = {"processes": c["handlers_node_processes"],
                     "persistent": figure(rates(node, "persistent"), "jobs/s"),
                     "exec": figure(rates(node, "exec"), "jobs/s"),
                     "vs_exec": figure([x["ratio"].get("vs_exec") for x in node], "ratio")}
        return s

    # ============================================================== 11. cost per job
    # Issue 18's target: broker, database and consumers together <= 200 us of CPU a job at
    # 2 consumers x 16 (the report holds the goal).
    COST_PARTS = ("cpu_us_per_job_broker", "cpu_us_per_job_postgres", "cpu_us_per_job_consumers")

    def s_cost(self, rec):
        c = self.cfg
        rec["params"] = {"runs": c["cost_runs"], "jobs": c["cost_jobs"], "singles": c["cost_singles"],
                         "configs": self.confs["cost_configs"],
                         "how": "bench/job-cost on this stack (a fresh database and vhost a run): CPU time "
                                "(utime + stime) of RabbitMQ, PostgreSQL and the consumers while they drain "
                                "jobs submitted with one `jobq submit --batch`, per job"}
        runs = rec["runs"] = []
        failed = []
        total = c["cost_runs"] * len(self.confs["cost_configs"])
        k = 0
        for r in range(c["cost_runs"]):
            for conf in self.confs["cost_configs"]:
                self.check_deadline()
                k += 1
                try:
                    res = self.job_cost(conf)
                except ScenarioError as e:
                    failed.append(str(e))
                    runs.append(dict(conf_fields(conf), run=r + 1, error=str(e)))
                    self.say("run %d/%d: %s: FAILED: %s" % (k, total, conf_text(conf), e))
                    continue
                res["run"] = r + 1
                runs.append(res)
                self.say("run %d/%d: %s: %.0f us of CPU a job (broker %.0f, database %.0f, consumers %.0f), "
                         "%.2f transactions, %.0f WAL bytes a job; %.0f jobs/s" % (
                             k, total, conf_text(conf), res["cpu_us_per_job_total"],
                             res["cpu_us_per_job_broker"], res["cpu_us_per_job_postgres"],
                             res["cpu_us_per_job_consumers"], res["db_transactions_per_job_drain"],
                             res["wal_bytes_per_job"], res["drain_jobs_per_s"]))
        if failed:
            raise ScenarioError("%d run(s) failed: %s" % (len(failed), failed[0]))

    def job_cost(self, conf):
        """One run of bench/job-cost on this stack with conf (a jobq_config): its JSON figures
        and their CPU total per job. It runs in a process group of its own, so that an abort
        also stops the consumers it started."""
        c = self.cfg
        self.counter += 1
        name = "job-cost-%d" % self.counter
        out = os.path.join(self.tmp, name + ".json")
        env = dict(self.base_env, **conf["env"])
        argv = [os.path.join(ROOT, "bench", "job-cost"), "--build", self.args.bin_dir, "--stack-dir", self.stack_dir,
                "--consumers", str(conf["consumers"]), "--concurrency", str(conf["concurrency"]),
                "--jobs", str(c["cost_jobs"]), "--singles", str(c["cost_singles"]), "--json", out]
        p = Proc(self, name, argv, env, group=True)
        try:
            wait_until(lambda: not p.alive(), 300 + c["cost_jobs"] / 20, 0.2, "bench/job-cost")
        finally:
            rc = p.stop(15)
        if rc != 0 or not os.path.exists(out):
            raise ScenarioError("bench/job-cost exited %s: %s" % (rc, p.tail(5).strip()[-400:]))
        with open(out) as f:
            res = json.load(f)
        missing = [k for k in self.COST_PARTS if not isinstance(res.get(k), (int, float))]
        if missing:
            raise ScenarioError("bench/job-cost printed no %s" % missing[0])
        res = dict(conf_fields(conf), **res)
        res["cpu_us_per_job_total"] = sum(res[k] for k in self.COST_PARTS)
        return res


def figure(values, unit, target=None):
    """A summary figure: the median of values over runs, with min, max and the number of runs
    (None values are left out). target: (op, goal), op "<" or ">=": the figure says the
    target and whether its median meets it. None for a figure not measured, unless it has a
    target (then median None, met None)."""
    v = [float(x) for x in values if x is not None]
    if not v and not target:
        return None
    f = {"median": r3(pct(v, 0.5)), "min": r3(min(v)) if v else None, "max": r3(max(v)) if v else None,
         "runs": len(v), "unit": unit}
    if target:
        op, goal = target
        f["target"] = "%s %g" % (op, goal)
        f["met"] = None if not v else f["median"] < goal if op == "<" else f["median"] >= goal
    return f


def jobq_config(x, where):
    """One entry of a jobq configuration list (CONFIG_LISTS): [consumers, concurrency], or a
    dict with "consumers", "concurrency" and optionally "label", "env" and "limits" (a
    variant: extra environment for its consumers and CLI calls, and limits set after the
    migration (each the arguments of `jobq limit set`, kept split), named by its label in the
    report). Returns {"consumers", "concurrency", "label", "env", "limits", "key", "name"}:
    key identifies it in the
    results ("2 x 16", "2 x 16 classic queues"), name in the report. ValueError naming
    where (e.g. "e2e_configs[2]") and what is wrong."""
    if isinstance(x, (list, tuple)):
        if len(x) != 2:
            raise ValueError("%s: a pair [consumers, concurrency] has 2 numbers, got %s" % (where, json.dumps(x)))
        x = {"consumers": x[0], "concurrency": x[1]}
    if not isinstance(x, dict):
        raise ValueError("%s: expected [consumers, concurrency] or an object, got %s" % (where, json.dumps(x)))
    extra = sorted(set(x) - {"consumers", "concurrency", "label", "env", "limits"})
    if extra:
        raise ValueError("%s: unknown key %s (known: consumers, concurrency, label, env, limits)"
                         % (where, extra[0]))
    for k in ("consumers", "concurrency"):
        v = x.get(k)
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ValueError("%s: %s must be a positive whole number, got %s" % (where, k, json.dumps(v)))
    env = x.get("env") or {}
    if not isinstance(env, dict) or not all(isinstance(k, str) and re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", k)
                                            for k in env):
        raise ValueError("%s: env must map variable names to values, got %s" % (where, json.dumps(env)))
    bad = [k for k, v in env.items() if not isinstance(v, (str, int, float)) or isinstance(v, bool)]
    if bad:
        raise ValueError("%s: env %s must be a string or a number, got %s" % (where, bad[0], json.dumps(env[bad[0]])))
    label = x.get("label")
    if label is not None and (not isinstance(label, str) or not label.strip()):
        raise ValueError("%s: label must be a non-empty string, got %s" % (where, json.dumps(label)))
    if env and not label:
        raise ValueError("%s: a configuration with env needs a label (the report names it by its label)" % where)
    limits = x.get("limits") or []
    if not isinstance(limits, list) or not all(
            isinstance(v, str) and re.match(r"^(queue|type|key):\S+( +--\S+ +\S+)+$", v.strip()) for v in limits):
        raise ValueError("%s: limits must be a list of `jobq limit set` arguments such as"
                         " \"queue:default --max-running 100000\", got %s" % (where, json.dumps(limits)))
    if limits and not label:
        raise ValueError("%s: a configuration with limits needs a label (the report names it by its label)"
                         % where)
    w, cc = x["consumers"], x["concurrency"]
    label = label.strip() if label else None
    return {"consumers": w, "concurrency": cc, "label": label, "env": {k: str(v) for k, v in env.items()},
            "limits": [v.split() for v in limits],
            "key": "%d x %d%s" % (w, cc, " " + label if label else ""),
            "name": "%d × %d%s" % (w, cc, ", " + label if label else "")}


def conf_fields(conf):
    """What a result records of its jobq configuration: consumers, concurrency, and a
    variant's key, label and env."""
    out = {"consumers": conf["consumers"], "concurrency": conf["concurrency"]}
    if conf["label"]:
        out.update(key=conf["key"], label=conf["label"], env=conf["env"])
    if conf["limits"]:
        out["limits"] = [" ".join(v) for v in conf["limits"]]
    return out


def conf_text(conf):
    """A jobq configuration in a progress line: '2 consumers x concurrency 16 (classic queues)'."""
    return "%d consumer%s x concurrency %d%s" % (conf["consumers"], "" if conf["consumers"] == 1 else "s",
                                                 conf["concurrency"], " (%s)" % conf["label"] if conf["label"] else "")


def jobq_configs(cfg, name):
    """cfg[name] (one of CONFIG_LISTS) as jobq_config entries; ValueError on a bad entry or
    two entries with the same key."""
    v = cfg.get(name)
    if not isinstance(v, list) or not v:
        raise ValueError("%s: expected a non-empty list of configurations, got %s" % (name, json.dumps(v)))
    out = [jobq_config(x, "%s[%d]" % (name, i)) for i, x in enumerate(v)]
    if name == "cost_configs" and any(c["limits"] for c in out):
        raise ValueError("cost_configs: limits are for drain_configs and e2e_configs only")
    seen = set()
    for i, c in enumerate(out):
        if c["key"] in seen:
            raise ValueError("%s[%d]: %s is already in the list (give a variant its own label)" % (name, i, c["key"]))
        seen.add(c["key"])
    return out


def apply_settings(cfg, settings):
    """Override sizes of cfg with KEY=JSON strings (bench/run --set): the key must be one of
    cfg's and the value of the same kind (a number for a number, a list for a list).
    ValueError naming the setting and what is wrong."""
    for item in settings:
        key, eq, raw = item.partition("=")
        key = key.strip()
        if not eq or key not in cfg:
            raise ValueError("--set %s: expected KEY=JSON with KEY one of: %s" % (item, ", ".join(sorted(cfg))))
        try:
            v = json.loads(raw)
        except ValueError as e:
            raise ValueError("--set %s: the value is not JSON (%s)" % (key, e))
        old = cfg[key]
        same = (isinstance(v, list) if isinstance(old, list) else
                isinstance(v, (int, float)) and not isinstance(v, bool) if isinstance(old, (int, float)) else
                isinstance(v, type(old)))
        if not same:
            raise ValueError("--set %s: expected a value like %s, got %s" % (key, json.dumps(old), raw))
        cfg[key] = v


def handler_entry(typ, argv, processes=None, env=()):
    """One entry of a consumer's `handlers` list (libconfig text): exec mode, or a persistent
    pool of `processes` children."""
    parts = ["type = %s;" % _cfg_str(typ)]
    if processes:
        parts += ['mode = "persistent";', "processes = %d;" % processes]
    parts.append("command = [ %s ];" % ", ".join(_cfg_str(a) for a in argv))
    if env:
        parts.append("env = [ %s ];" % ", ".join(_cfg_str(x) for x in env))
    return "{ %s }" % " ".join(parts)


def _cfg_str(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def descendants(pid):
    """The pids of every live descendant of process pid (from /proc), in no order."""
    parent = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
        except OSError:
            continue
        parent[int(d)] = int(st[st.rindex(")") + 2:].split()[1])
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def _rate(rates, key):
    return "%.0f" % rates[key] if key in rates else "-"


def timed_calls(call, n):
    """call(i) for i in 0..n-1, one after the other: {"n", "seconds", "per_s", "latency_ms"},
    from the wall time of each call (ms) and of them all."""
    lat = []
    t0 = now()
    for i in range(n):
        s = now()
        call(i)
        lat.append((now() - s) * 1000)
    dt = now() - t0
    return {"n": n, "seconds": r3(dt), "per_s": r1(n / dt), "latency_ms": _rd(dist(lat))}


def _status(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmHWM", "VmRSS"):
                out[k] = int(v.split()[0])
            elif k == "Threads":
                out[k] = int(v)
    return out


def _readline(pipe, timeout):
    """One line from a pipe, waiting at most timeout seconds ('' at EOF or time-out)."""
    buf = b""
    deadline = now() + timeout
    fd = pipe.fileno()
    while not buf.endswith(b"\n"):
        left = deadline - now()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        ch = os.read(fd, 1)
        if not ch:
            break
        buf += ch
    return buf.decode(errors="replace")


def _kv(text):
    d = {}
    for line in text.splitlines():
        p = line.split(None, 1)
        if len(p) == 2:
            d[p[0]] = p[1]
    return d


def _rd(d):
    return {k: (r3(v) if isinstance(v, float) else v) for k, v in d.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mode", choices=["full", "quick"], default="full")
    ap.add_argument("--stack-dir")
    ap.add_argument("--bin-dir")
    ap.add_argument("--src", default=ROOT, help="the jobq sources that were built (for the commit)")
    ap.add_argument("--tmp")
    ap.add_argument("--out")
    ap.add_argument("--check", action="store_true",
                    help="only check --only and --set (bench/run does, before it builds and starts a stack)")
    ap.add_argument("--only", default="", help="comma-separated scenarios: " + ",".join(SCENARIOS))
    ap.add_argument("--deadline", type=float, default=0, help="seconds (default: deadline_s of the sizes)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                    help="override one of the sizes, e.g. 'e2e_rounds=5' or 'e2e_configs=[[2,16]]'")
    a = ap.parse_args()
    cfg = dict(FULL if a.mode == "full" else QUICK)
    try:
        bad = [s for s in a.only.split(",") if s not in SCENARIOS] if a.only else []
        if bad:
            raise ValueError("--only: unknown scenario %s (known: %s)" % (bad[0], ",".join(SCENARIOS)))
        apply_settings(cfg, a.set)
        for name in CONFIG_LISTS:
            jobq_configs(cfg, name)
    except ValueError as e:
        print("bench: %s" % e, file=sys.stderr)
        sys.exit(2)
    if a.check:
        sys.exit(0)
    missing = [o for o in ("stack_dir", "bin_dir", "tmp", "out") if not getattr(a, o)]
    if missing:
        ap.error("--%s is required" % missing[0].replace("_", "-"))
    if psycopg2 is None:
        sys.exit("bench: python3-psycopg2 is missing (bench/deps installs it)")

    def on_signal(sig, frame):
        raise Abort("signal %d" % sig)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    b = Bench(a, cfg)
    try:
        rc = b.run()
    except Abort as e:
        log("stopped: %s" % e)
        rc = 130
    sys.exit(rc)


if __name__ == "__main__":
    main()
