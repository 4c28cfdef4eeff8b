#!/usr/bin/python3
"""The same M/M/c+M model in SimPy (Debian's python3-simpy3) and in `hotline simulate`.

Prints both sets of KPIs side by side and the speed ratio. Reports; never fails on speed.
Usage: bench/compare_simpy.py [BUILD] [HOURS]   (default build, 48 simulated hours)
"""
import json
import random
import subprocess
import sys
import tempfile
import time

import simpy

AGENTS, CALLS_PER_HOUR, AHT_S, PATIENCE_S, T_S = 100, 1900, 180.0, 300.0, 20.0


def simpy_run(hours, seed=1):
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    stats = {"offered": 0, "answered": 0, "abandoned": 0, "within": 0, "wait_answered": 0.0, "waited": 0,
             "busy": 0.0}

    def caller():
        arrive = env.now
        stats["offered"] += 1
        patience = rng.expovariate(1 / PATIENCE_S)
        with agents.request() as req:
            got = yield req | env.timeout(patience)
            wait = env.now - arrive
            if req not in got:
                stats["abandoned"] += 1
                stats["waited"] += 1
                return
            stats["answered"] += 1
            stats["wait_answered"] += wait
            stats["within"] += wait <= T_S
            stats["waited"] += wait > 0
            talk = rng.expovariate(1 / AHT_S)
            stats["busy"] += talk
            yield env.timeout(talk)

    def arrivals():
        end = hours * 3600
        while True:
            yield env.timeout(rng.expovariate(CALLS_PER_HOUR / 3600))
            if env.now >= end:
                return
            env.process(caller())

    env.process(arrivals())
    env.run()  # drains: every caller finishes
    done = stats["answered"] + stats["abandoned"]
    return {
        "offered": stats["offered"],
        "service_level": stats["within"] / done,
        "asa_s": stats["wait_answered"] / stats["answered"],
        "abandon_rate": stats["abandoned"] / stats["offered"],
        "p_wait": stats["waited"] / stats["offered"],
        "occupancy": stats["busy"] / (AGENTS * env.now),
    }


def hotline_run(build, hours):
    scenario = f"""duration: {hours}h
seed: 1
service_level_s: {T_S:.0f}
queues:
  q:
    agents: {AGENTS}
    arrivals: {{rate_per_hour: {CALLS_PER_HOUR}}}
    handle_time: {{dist: exponential, mean_s: {AHT_S:.0f}}}
    patience: {{dist: exponential, mean_s: {PATIENCE_S:.0f}}}
"""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(scenario)
    out = subprocess.run([f"{build}/hotline", "simulate", f.name, "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["queues"]["q"]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    hours = int(sys.argv[2]) if len(sys.argv) > 2 else 48
    t0 = time.perf_counter()
    s = simpy_run(hours)
    t1 = time.perf_counter()
    h = hotline_run(build, hours)
    t2 = time.perf_counter()
    simpy_s, hotline_s = t1 - t0, t2 - t1
    print(f"M/M/{AGENTS}+M, {CALLS_PER_HOUR} calls/h, AHT {AHT_S:.0f}s, patience {PATIENCE_S:.0f}s, {hours}h simulated")
    print(f"{'kpi':14} {'SimPy':>10} {'Hotline':>10}")
    for k in ("offered", "service_level", "asa_s", "abandon_rate", "p_wait", "occupancy"):
        print(f"{k:14} {s[k]:10.4f} {h[k]:10.4f}")
    print(f"SimPy:   {simpy_s:7.2f} s, {s['offered'] / simpy_s:10.0f} contacts/s (a queue model written for the job)")
    print(f"Hotline: {hotline_s:7.2f} s, {h['offered'] / hotline_s:10.0f} contacts/s (the routing engine, its events and the KPI aggregator, process start included)")
    print(f"ratio:   Hotline is {simpy_s / hotline_s:.1f}x faster")


if __name__ == "__main__":
    main()
