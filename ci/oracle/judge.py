"""protocompat's findings against what the runtime observed: false negatives and unconfirmed breaks."""

ORDER = {"safe": 0, "hazard": 1, "breaking": 2}
# Rules whose finding on a field explains what happens anywhere below it (the field's type, cardinality
# or number changed).
TYPE_RULES = ("TYPE", "CARDINALITY", "SAME_NUMBER")


def explains(finding, observation):
    view, required = observation.view, observation.required
    if ORDER[finding["views"][view]] < ORDER[required]:
        return False
    if finding["direction"] not in (observation.direction, "both"):
        return False
    symbol = finding["symbol"]
    effect = observation.effect
    if symbol in effect.symbols:
        return True
    return symbol in effect.ancestors and any(part in finding["rule"] for part in TYPE_RULES)


def judge(findings, observations):
    """(false negatives, unconfirmed findings): observations no finding explains; breaking findings
    (wire or JSON) that no observation in their view and direction touches."""
    false_negatives = [o for o in observations if not any(explains(f, o) for f in findings)]
    touched = set()
    for o in observations:
        touched |= {(o.direction, o.view, s) for s in o.effect.symbols}
        touched |= {(o.direction, o.view, s) for s in o.effect.ancestors}
    unconfirmed = []
    for f in findings:
        for view in ("wire", "json"):
            if f["views"][view] != "breaking":
                continue
            directions = ("backward", "forward") if f["direction"] == "both" else (f["direction"],)
            if not any((d, view, f["symbol"]) in touched for d in directions):
                unconfirmed.append((f, view))
    return false_negatives, unconfirmed
