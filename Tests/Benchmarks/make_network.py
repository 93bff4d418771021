#!/usr/bin/env python3
"""Write a synthetic Potline network large enough to time sweeps on (standard library only).

    python3 Tests/Benchmarks/make_network.py OUT_DIR [--regions N] [--seed S]

N regions scattered over China's extent, each linked by rail to its 5 nearest neighbours; a
Bayer refinery, an anode plant and a smelter in some regions; bauxite and coke supplies in
others; aluminium demand everywhere. Figures are plausible round numbers, not data: the network
exists only to give the LP a realistic shape (a few thousand columns) for benchmarks.
"""
import argparse
import csv
import math
import os
import random


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--regions", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)

    regions = []
    for i in range(args.regions):
        lat, lon = rng.uniform(22, 46), rng.uniform(85, 124)
        price = round(rng.uniform(0.30, 0.65), 3)
        regions.append((f"r{i:03d}", lat, lon, price))
    write("regions.csv", ["id", "latitude_deg", "longitude_deg", "grid_price_yuan_per_kwh"],
          [(r, f"{lat:.2f}", f"{lon:.2f}", p) for r, lat, lon, p in regions])
    write("commodities.csv", ["id"], [(c,) for c in ["bauxite", "alumina", "coke", "prebaked_anode", "aluminium"]])
    write("processes.csv", ["id", "output", "electricity_kwh_per_t", "other_cost_yuan_per_t"], [
        ("bayer_refining", "alumina", 300, 900),
        ("anode_baking", "prebaked_anode", 120, 700),
        ("smelting", "aluminium", 13500, 2000),
    ])
    write("recipes.csv", ["process", "commodity", "t_per_t"], [
        ("bayer_refining", "bauxite", 2.6),
        ("anode_baking", "coke", 1.15),
        ("smelting", "alumina", 1.92),
        ("smelting", "prebaked_anode", 0.5),
    ])
    plants, supplies, demands = [], [], []
    for r, _, _, _ in regions:
        if rng.random() < 0.35:
            plants.append((f"{r}_refinery", r, "bayer_refining", rng.choice([1, 2, 3, 4]) * 500_000))
        if rng.random() < 0.30:
            plants.append((f"{r}_anodes", r, "anode_baking", rng.choice([2, 3, 4]) * 100_000))
        if rng.random() < 0.40:
            plants.append((f"{r}_smelter", r, "smelting", rng.choice([2, 3, 4, 5, 6]) * 100_000))
        if rng.random() < 0.30:
            supplies.append((f"{r}_bauxite", r, "bauxite", rng.choice([2, 4, 8]) * 1_000_000, rng.randint(280, 480)))
        if rng.random() < 0.25:
            supplies.append((f"{r}_coke", r, "coke", rng.choice([3, 6]) * 100_000, rng.randint(2200, 3200)))
        demands.append((r, "aluminium", rng.choice([1, 2, 3, 4]) * 50_000))
    # Expensive market purchases everywhere keep the network feasible whatever is swept.
    supplies.append(("import_alumina", regions[0][0], "alumina", "", 4200))
    supplies.append(("import_anode", regions[0][0], "prebaked_anode", "", 6500))
    write("plants.csv", ["id", "region", "process", "capacity_t_per_y"], plants)
    write("supplies.csv", ["id", "region", "commodity", "capacity_t_per_y", "price_yuan_per_t"], supplies)
    write("demands.csv", ["region", "commodity", "demand_t_per_y"], demands)

    def km(a, b):
        (la1, lo1), (la2, lo2) = (math.radians(a[1]), math.radians(a[2])), (math.radians(b[1]), math.radians(b[2]))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        return 2 * 6371 * math.asin(math.sqrt(h))

    pairs = set()
    for a in regions:
        for b in sorted((b for b in regions if b is not a), key=lambda b: km(a, b))[:5]:
            pairs.add(tuple(sorted((a[0], b[0]))))
    write("links.csv", ["id", "from", "to", "mode"], [(f"rail_{a}_{b}", a, b, "rail") for a, b in sorted(pairs)])
    with open(os.path.join(args.out, "network.yaml"), "w", encoding="utf-8") as f:
        f.write(f"name: synthetic_{args.regions}\n")
        f.write("description: Synthetic network for timing sweeps (Tests/Benchmarks/make_network.py); not data.\n")
        f.write("base_year: 2024\n")


if __name__ == "__main__":
    main()
