#!/usr/bin/env python3
"""Per-thread timeline of an async-profiler wall-clock recording (issue 15, round 3).

A wall-clock profile samples every thread whether it runs or waits, so it shows what a start waits
for (a lock, a latch, a file system), which CPU samples (JFR's) cannot. Record one launch with
async-profiler's agent (Maven Central: tools.profiler:async-profiler, the .so under linux-x64/):

  java -cp bench/target/benchmarks.jar dev.greenroom.bench.startup.ProfileStartup \
      --runtime features/target/runtime.jar --launcher bin/greenroom --work /tmp/prof --size 100x5 --no-jfr \
      --jvm-args "-agentpath:/tmp/ap/linux-x64/libasyncProfiler.so=start,event=wall,interval=10ms,timeout=8,file=/tmp/wall.jfr"
  jfr print --events profiler.WallClockSample --stack-depth 80 /tmp/wall.jfr > /tmp/wall.txt
  bench/wall-timeline.py /tmp/wall.txt main,FelixStartLevel,greenroom-deploy,greenroom-root 250

For each thread whose name starts with one of the given prefixes, one line per bucket (ms since
the first sample): how many samples, and the three most frequent (state, first Felix / bnd /
FileInstall / Pax Web / Jetty / Greenroom frame from the leaf). "(wait)" marks samples parked,
waiting or sleeping.
"""
from collections import Counter,defaultdict
import re, sys
from collections import Counter, defaultdict
txt=open(sys.argv[1]).read()
want=sys.argv[2].split(',')
bucket=int(sys.argv[3]) if len(sys.argv)>3 else 250
evs=txt.split('profiler.WallClockSample {')[1:]
def ms(t):
    h,m,s=t.split(':'); return (int(h)*3600+int(m)*60+float(s))*1000
t0=None; rows=defaultdict(lambda: defaultdict(Counter))
for e in evs:
    t=ms(re.search(r'startTime = (\S+)',e).group(1))
    if t0 is None: t0=t
    th=re.search(r'sampledThread = "([^"]*)"',e).group(1)
    if not any(th.startswith(w) for w in want): continue
    st=re.search(r'state = "(\S+)"',e).group(1)
    frames=re.findall(r'^\s+(\S+)\(',e,re.M)
    # label: first frame (from leaf) in interesting packages
    lab='?'
    for f in frames:
        if re.match(r'(dev\.greenroom|org\.apache\.felix\.(framework\.(Felix|BundleImpl|StatefulResolver|cache|EventDispatcher|ServiceRegistry|BundleWiringImpl)|scr|fileinstall)|aQute|org\.ops4j|org\.eclipse\.jetty)',f):
            lab=f.rsplit('.',1)[0].split('.')[-1]+'.'+f.rsplit('.',1)[1]; break
    if frames and ('park' in frames[0] or 'wait' in frames[0].lower() or 'sleep' in frames[0]) and st!='STATE_RUNNING': lab='(wait) '+lab
    b=int((t-t0)//bucket)
    rows[th][b][(st[6:9],lab)]+=1
for th in sorted(rows):
    print('==',th)
    for b in sorted(rows[th]):
        c=rows[th][b]; n=sum(c.values())
        top=', '.join(f'{k[0]} {k[1]} {v}' for k,v in c.most_common(3))
        print(f'  {b*bucket:5d} n={n:3d} {top}')
