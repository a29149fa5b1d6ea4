"""Write world.json, the map's geometry, from Natural Earth's 1:110m countries.

Run once, when the geometry or the projection should change (the build never needs npm):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python plugins/maps/data/prepare_world.py /tmp/package

world-atlas redistributes Natural Earth (public domain) as TopoJSON. Its shared arcs are
projected (Equal Earth: equal areas, so a big country does not look busier than it is),
simplified once each, so neighbours keep one border, and written as SVG path data in
whole units of a 1000-wide picture, one shape per ISO 3166-1 alpha-2 code. States the
1:110m scale drops (Singapore, Bahrain, Malta, ...) become dots at the centre of their
1:50m shape; places.yaml gives places neither file has.
"""
import argparse
import json
import math
from pathlib import Path

import pycountry
import yaml

HERE = Path(__file__).parent
TARGET = HERE / "world.json"
TAXONOMY = HERE.parent.parent / "topics" / "data" / "countries.yaml"
WIDTH = 1000
MARGIN = 4
SOUTH = -60.0  # shapes wholly south of this latitude (Antarctica) are left out
TOLERANCE = 0.7  # Douglas-Peucker tolerance in map units (a 1000-unit map shown at most ~950 px)

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    """Equal Earth projection (Šavrič, Patterson, Jenny 2018) of degrees, unit sphere, y up."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topology):
    """Each TopoJSON arc as a list of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, endpoints kept (they are where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        best, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    """A polygon ring's points from its arc indexes (a negative index runs backwards)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _clip(points, edge, below):
    """The part of a ring on one side of the meridian `edge` (Sutherland-Hodgman, one half-plane)."""
    def inside(point):
        return point[0] <= edge if below else point[0] >= edge

    def crossing(a, b):
        return edge, a[1] + (b[1] - a[1]) * (edge - a[0]) / (b[0] - a[0])

    out = []
    for a, b in zip(points, points[1:] + points[:1]):
        if inside(b):
            if not inside(a):
                out.append(crossing(a, b))
            out.append(b)
        elif inside(a):
            out.append(crossing(a, b))
    return out


def split_antimeridian(ring):
    """A lon/lat ring that crosses 180° (Russia's Chukotka, Fiji) as pieces within ±180°:
    its longitudes made continuous, then cut at the meridian it passes."""
    points, shift = [ring[0]], 0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        shift += -360 if x1 - x0 > 180 else 360 if x1 - x0 < -180 else 0
        points.append((x1 + shift, y1))
    xs = [x for x, _ in points]
    if -180 <= min(xs) and max(xs) <= 180:
        return [points]
    edge = 180 if max(xs) > 180 else -180
    inner = _clip(points, edge, below=edge > 0)
    outer = [(x - 2 * edge, y) for x, y in _clip(points, edge, below=edge < 0)]
    return [piece for piece in (inner, outer) if len(piece) >= 3]


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def area_centroid(points):
    """(signed area, centroid) of a closed ring."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        xs, ys = zip(*points)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return area / 2, (cx / (3 * area), cy / (3 * area))


def path_data(rings):
    """SVG path data in whole units, relative moves (the shortest text for small steps)."""
    out = []
    pen = (0, 0)
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 3:
            continue
        (x, y) = points[0]
        text = f"m{x - pen[0]} {y - pen[1]}" if out else f"M{x} {y}"
        steps = []
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            steps.append(f"{x1 - x0}" + (f" {y1 - y0}" if y1 - y0 >= 0 else f"{y1 - y0}"))
        text += "l" + " ".join(steps).replace(" -", "-") + "z"
        out.append(text)
        pen = (x, y)  # after z the pen is back at the ring's start
    return "".join(out)


def code_of(feature, names):
    """ISO 3166-1 alpha-2 of a feature: by its numeric id, else by its name in the taxonomy."""
    if feature.get("id"):
        country = pycountry.countries.get(numeric=feature["id"])
        if country:
            return country.alpha_2
    return names.get(feature["properties"]["name"])


class Frame:
    """Projected coordinates to map units, fitted to WIDTH with a margin; y down."""

    def __init__(self, points):
        xs, ys = zip(*points)
        self.left, self.top = min(xs), max(ys)
        self.scale = (WIDTH - 2 * MARGIN) / (max(xs) - self.left)
        self.height = math.ceil((self.top - min(ys)) * self.scale + 2 * MARGIN)

    def __call__(self, point):
        x, y = point
        return (x - self.left) * self.scale + MARGIN, (self.top - y) * self.scale + MARGIN


def prepare(package: Path) -> dict:
    names = {e["name"]: e["iso"] for e in yaml.safe_load(TAXONOMY.read_text("utf-8"))}
    topology = json.loads((package / "countries-110m.json").read_text("utf-8"))
    lonlat = decode_arcs(topology)
    jumps = {i for i, arc in enumerate(lonlat) if any(abs(b[0] - a[0]) > 180 for a, b in zip(arc, arc[1:]))}
    features = []
    for feature in topology["objects"]["countries"]["geometries"]:
        if all(lat < SOUTH for polygon in polygons(feature) for ring in polygon for _, lat in ring_points(ring, lonlat)):
            continue
        features.append((code_of(feature, names), feature))
    used = sorted({i if i >= 0 else ~i for _, f in features for p in polygons(f) for r in p for i in r})
    # The frame spans the whole globe's width (at the equator), the land's height.
    frame = Frame([equal_earth(-180, 0), equal_earth(180, 0), *(equal_earth(*p) for i in used for p in lonlat[i])])
    # Arcs are simplified once, shared by both neighbours; a feature with an arc across
    # 180° (drawn from one side of the map to the other) is cut and simplified ring by ring.
    arcs = {i: simplify([frame(equal_earth(*p)) for p in lonlat[i]], TOLERANCE) for i in used}
    shapes, unnamed = {}, []
    for code, feature in features:
        if any((i if i >= 0 else ~i) in jumps for p in polygons(feature) for r in p for i in r):
            outer = [simplify([frame(equal_earth(*p)) for p in piece], TOLERANCE)
                     for polygon in polygons(feature) for ring in polygon
                     for piece in split_antimeridian(ring_points(ring, lonlat))]
            rings = outer
        else:
            rings = [ring_points(ring, arcs) for polygon in polygons(feature) for ring in polygon]
            outer = [ring_points(polygon[0], arcs) for polygon in polygons(feature)]
        # The centre of the largest outer ring: the mainland, not the whole (France's
        # overseas departments, Alaska, Chukotka would pull it into the sea).
        _, (cx, cy) = max((area_centroid(r) for r in outer), key=lambda ac: abs(ac[0]))
        d = path_data(rings)
        if code is None:
            unnamed.append(d)
        elif d:
            shapes[code] = [d, round(cx, 1), round(cy, 1)]
    dots = {}
    finer = json.loads((package / "countries-50m.json").read_text("utf-8"))
    finer_arcs = [[frame(equal_earth(*p)) for p in arc] for arc in decode_arcs(finer)]
    for feature in finer["objects"]["countries"]["geometries"]:
        code = code_of(feature, names)
        if code is None or code in shapes:
            continue
        outer = [ring_points(polygon[0], finer_arcs) for polygon in polygons(feature)]
        _, (cx, cy) = max((area_centroid(r) for r in outer), key=lambda ac: abs(ac[0]))
        dots[code] = (round(cx, 1), round(cy, 1))
    for code, (lon, lat) in (yaml.safe_load((HERE / "places.yaml").read_text("utf-8")) or {}).items():
        if code not in shapes and code not in dots:
            x, y = frame(equal_earth(lon, lat))
            dots[code] = (round(x, 1), round(y, 1))
    # Islands beyond the frame (South Georgia, Heard Island) are left out with Antarctica.
    dots = {code: (x, y) for code, (x, y) in dots.items() if 0 <= x <= WIDTH and 0 <= y <= frame.height}
    return {"width": WIDTH, "height": frame.height, "shapes": dict(sorted(shapes.items())),
            "unnamed": sorted(unnamed), "dots": dict(sorted(dots.items()))}


def write(world: dict, target: Path) -> None:
    """One entry per line, so a change of geometry reads as a diff of the countries it moved."""
    lines = ['{"source": "Natural Earth 1:110m admin-0 countries (public domain), npm world-atlas 2.0.2; '
             'Equal Earth projection; written by prepare_world.py",',
             f'"width": {world["width"]}, "height": {world["height"]},', '"shapes": {']
    entries = [f"{json.dumps(code)}: {json.dumps(value, separators=(',', ':'))}" for code, value in world["shapes"].items()]
    lines += [",\n".join(entries), "},", '"unnamed": [']
    lines += [",\n".join(json.dumps(d) for d in world["unnamed"]), "],", '"dots": {']
    entries = [f"{json.dumps(code)}: {json.dumps(value, separators=(',', ':'))}" for code, value in world["dots"].items()]
    lines += [",\n".join(entries), "}}"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked world-atlas npm package")
    args = parser.parse_args()
    world = prepare(args.package)
    write(world, TARGET)
    print(f"{TARGET.name}: {len(world['shapes'])} shapes, {len(world['unnamed'])} without a code, "
          f"{len(world['dots'])} dots, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
