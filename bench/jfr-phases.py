#!/usr/bin/env python3
"""Issue 15: where a Greenroom start's time goes, from a JFR recording made by ProfileStartup.

    bench/jfr-phases.py DIR/profile-100x5/startup.jfr [first200_ms]

Reads jdk.ExecutionSample (Java threads running Java code, 10-20 ms period with settings=profile)
up to the first 200 (first200.txt next to the recording, or the 2nd argument, in ms after the JVM
started) and prints:
  * samples by phase: what the thread was doing, from the root of its stack (the launcher
    installing the launch bundles, a launch bundle's activator, FileInstall installing / starting
    deploy jars, the framework resolving, DS, Greenroom's coordinators, Jetty ...);
  * within each phase, the leaf: which library the sampled frame was in (class loading, zip, the
    resolver, Greenroom's hooks ...);
  * a timeline: phases per 500 ms since JVM start.
"""
import collections
import json
import os
import subprocess
import sys

rec = sys.argv[1]
limit_ms = None
if len(sys.argv) > 2:
    limit_ms = float(sys.argv[2])
else:
    f = os.path.join(os.path.dirname(rec), "first200.txt")
    if os.path.exists(f):
        limit_ms = float(open(f).read().strip())

out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events",
                      "jdk.ExecutionSample,jdk.JVMInformation", rec], capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]


def ts(e):
    # "2026-12-06T09:20:01.123456789Z" -> ms since epoch (float)
    import datetime
    s = e["values"]["startTime"]
    main, frac = s.rstrip("Z").split(".") if "." in s else (s.rstrip("Z"), "0")
    dt = datetime.datetime.fromisoformat(main).replace(tzinfo=datetime.timezone.utc)
    return dt.timestamp() * 1000 + float("0." + frac) * 1000


jvm_start = None
for e in events:
    if e["type"] == "jdk.JVMInformation":
        s = e["values"]["jvmStartTime"]
        import datetime
        main, frac = s.rstrip("Z").split(".") if "." in s else (s.rstrip("Z"), "0")
        jvm_start = datetime.datetime.fromisoformat(main).replace(tzinfo=datetime.timezone.utc).timestamp() * 1000 + float("0." + frac) * 1000
samples = [e for e in events if e["type"] == "jdk.ExecutionSample"]
if jvm_start is None:
    jvm_start = min(ts(e) for e in samples)


def frames(e):
    st = e["values"].get("stackTrace") or {}
    res = []
    for f in st.get("frames", []):
        m = f["method"]
        res.append(m["type"]["name"].replace("/", ".") + "." + m["name"])
    return res  # innermost first


def has(fs, *needles):
    return any(any(n in f for n in needles) for f in fs)


def phase(fs, thread):
    # from the root side: what the thread is doing
    if has(fs, "org.apache.felix.fileinstall"):
        if has(fs, "DirectoryWatcher.installOrUpdateBundle", "Felix.installBundle"):
            base = "FileInstall: install deploy jars"
        elif has(fs, "DirectoryWatcher.startBundle", "startAllBundles", "BundleImpl.start"):
            base = "FileInstall: start deploy bundles"
        elif has(fs, "refresh", "resolveBundles", "FrameworkWiring"):
            base = "FileInstall: refresh / resolve"
        elif has(fs, "Scanner", "DirectoryWatcher.scan", "Util.jarDir", "checksum"):
            base = "FileInstall: scan"
        else:
            base = "FileInstall: other"
    elif has(fs, "aQute.launcher"):
        if has(fs, "Launcher.installBundles", "Launcher.update", "Launcher.install", "installBundle"):
            base = "launcher: install launch bundles"
        elif has(fs, "BundleActivator.start", "Activator.start", "activateBundle", "startBundle", "StartLevel", "setStartLevel"):
            base = "launcher: start launch bundles"
        else:
            base = "launcher / framework init"
    elif has(fs, "org.apache.felix.framework.FrameworkStartLevelImpl", "StartLevelImpl"):
        base = "framework: start levels (launch bundles' activators)"
    elif has(fs, "org.apache.felix.scr"):
        base = "DS (SCR) component activation"
    elif has(fs, "DeployStarts"):
        base = "Greenroom: deploy bundles started plugin by plugin"
    elif has(fs, "dev.greenroom.backend.runtime"):
        base = "Greenroom runtime (coordinators, plugin inits, root services)"
    elif has(fs, "org.eclipse.jetty", "org.ops4j.pax.web"):
        base = "Jetty / Pax Web"
    elif thread.startswith("Java2D") or thread.startswith("JFR") or has(fs, "jdk.jfr"):
        base = "JFR itself"
    elif has(fs, "java.lang.Thread.run") and not fs:
        base = "other"
    else:
        root = fs[-1] if fs else "?"
        base = "other (" + root.rsplit(".", 2)[0] + ")"
    return base


def leaf(fs):
    for f in fs:
        if f.startswith("java.lang.ClassLoader") or "defineClass" in f or "loadClass" in f or f.startswith("jdk.internal.loader") \
                or "BundleWiringImpl.findClass" in f or "searchImports" in f:
            return "class loading"
        if f.startswith("java.util.zip") or f.startswith("java.util.jar") or "JarContent" in f or "ZipFile" in f:
            return "jar / zip"
        if f.startswith("org.apache.felix.resolver") or "StatefulResolver" in f or "ResolveContextImpl" in f:
            return "framework resolver"
        if f.startswith("dev.greenroom"):
            cls = f.rsplit(".", 2)[-2]
            return "Greenroom " + cls
        if f.startswith("org.apache.felix.framework"):
            return "Felix framework (" + f.rsplit(".", 2)[-2] + ")"
        if f.startswith("org.apache.felix.scr"):
            return "SCR"
        if f.startswith("java.io") or f.startswith("sun.nio") or f.startswith("java.nio"):
            return "file I/O"
        if f.startswith("java.util.regex") or f.startswith("java.lang.String") or f.startswith("java.util"):
            continue
    return (fs[0].rsplit(".", 2)[0] if fs else "?")


in_window = []
for e in samples:
    t = ts(e) - jvm_start
    if limit_ms is not None and t > limit_ms:
        continue
    thread = (e["values"].get("sampledThread") or {}).get("javaName") or "?"
    fs = frames(e)
    in_window.append((t, thread, phase(fs, thread), leaf(fs)))

print(f"recording {rec}: {len(in_window)} execution samples up to the first 200"
      + (f" at {limit_ms:.0f} ms after JVM start" if limit_ms else ""))
by_phase = collections.Counter(p for _, _, p, _ in in_window)
total = sum(by_phase.values()) or 1
print("\n| phase (from the stack's root) | samples | share | top leaves (share of the phase) |")
print("|---|---|---|---|")
for p, n in by_phase.most_common():
    leaves = collections.Counter(l for _, _, pp, l in in_window if pp == p)
    tops = ", ".join(f"{l} {100 * c / n:.0f}%" for l, c in leaves.most_common(4))
    print(f"| {p} | {n} | {100 * n / total:.0f}% | {tops} |")

print("\nTimeline (ms since JVM start: samples per phase)")
buckets = collections.defaultdict(collections.Counter)
for t, _, p, _ in in_window:
    buckets[int(t // 500)][p] += 1
for b in sorted(buckets):
    c = buckets[b]
    print(f"  {b * 500:6d}-{b * 500 + 500:<6d} " + ", ".join(f"{p.split(' (')[0]} {n}" for p, n in c.most_common(3)))
