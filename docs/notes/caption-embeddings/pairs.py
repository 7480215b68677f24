"""Build candidate (caption, body-sentence) pairs: tune drafts (slips and clean captions), the
reviewers' captions of another moment (bench/caption_other_moments.json) and the published corpus.
Writes $OUT/pairs.json: a list of {src, id, cap, sents, label}. Standard library only."""
import json, glob, re
import os
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))
OUT = Path(os.environ.get("OUT", "/tmp/caption-embeddings"))
from datetime import date, datetime

WD = ["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]
MONTHS = {"january":1,"february":2,"march":3,"april":4,"may":5,"june":6,"july":7,"august":8,
          "september":9,"october":10,"november":11,"december":12,
          "jan":1,"feb":2,"mar":3,"apr":4,"jun":6,"jul":7,"aug":8,"sep":9,"sept":9,"oct":10,"nov":11,"dec":12}
MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
RX_WD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
RX_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MON + r"(?:,?\s+(\d{4}))?\b")
RX_MD = re.compile(r"\b" + MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
RX_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

def days(text, pub=None):
    """Return list of day mentions: ('wd', 0..6) or ('date', (y|None, m, d), weekday|None)."""
    out = []
    for m in RX_WD.finditer(text):
        out.append(("wd", WD.index(m.group(1).lower())))
    spans = []
    for rx, order in ((RX_DM, "dm"), (RX_MD, "md")):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in spans): continue
            spans.append((m.start(), m.end()))
            if order == "dm": d, mon, y = m.group(1), m.group(2), m.group(3)
            else: mon, d, y = m.group(1), m.group(2), m.group(3)
            mo = MONTHS[mon.lower().rstrip(".")]; d = int(d)
            if not 1 <= d <= 31: continue
            out.append(("date", (int(y) if y else None, mo, d)))
    for m in RX_ISO.finditer(text):
        y, mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31: out.append(("date", (y, mo, d)))
    # resolve weekday of dates when year known or inferable from pub
    res = []
    for k, v in out:
        if k == "date":
            y, mo, d = v
            wd = None
            if y is None and pub: y = pub.year if (mo, d) <= (pub.month, pub.day) or pub.month >= mo - 1 else pub.year - 1
            try: wd = date(y, mo, d).weekday() if y else None
            except ValueError: wd = None
            res.append(("date", (mo, d), wd))
        else:
            res.append(("wd", v, v))
    return res

def same(a, b):
    if a[0] == b[0]: return a[1] == b[1]
    return a[2] is not None and b[2] is not None and a[2] == b[2]

def differs(cap_days, sent_days):
    """sentence holds a day that differs from every caption day"""
    return any(all(not same(c, s) for c in cap_days) for s in sent_days)

SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
def sentences(paras):
    out = []
    for p in paras:
        for s in SPLIT.split(p.strip()):
            if s.strip(): out.append(s.strip())
    return out

def parse_pub(s):
    if not s: return None
    try: return datetime.fromisoformat(str(s).replace("Z", "+00:00"))
    except Exception:
        try: return datetime.fromisoformat(str(s)[:10])
        except Exception: return None

def make(src, cid, cap, paras, pub, label):
    pub = parse_pub(pub)
    cd = days(cap, pub)
    if not cd: return None
    sents = [s for s in sentences(paras) if (sd := days(s, pub)) and differs(cd, sd)]
    return {"src": src, "id": cid, "cap": cap, "sents": sents, "label": label}

def main():
    pairs = []; skipped = []
    for f in sorted(glob.glob(str(ROOT / "bench" / "drafts" / "tune" / "*.json"))):
        d = json.load(open(f)); a = d["article"]
        paras = [b["text"] for b in a["blocks"] if b.get("type") == "paragraph" and b.get("text")]
        caps = {b["id"]: b["caption"] for b in a["blocks"] if b.get("type") == "image" and b.get("caption")}
        ca = [e for e in d.get("expect", []) if e["check"] == "caption-agreement"]
        name = os.path.basename(f)
        if ca:
            for e in ca:
                if not days(e["text"]): continue  # not a weekday/date slip
                r = make("tune-pos", name + ":" + e["at"], caps[e["at"]], paras, a.get("published_at"), 1)
                if r: pairs.append(r)
                else: skipped.append((name, e["at"], caps[e["at"]]))
        else:
            for bid, cap in caps.items():
                r = make("tune-neg", name + ":" + bid, cap, paras, a.get("published_at"), 0)
                if r: pairs.append(r)
    for c in json.load(open(ROOT / "bench" / "caption_other_moments.json")):
        for i, cap in enumerate(c["captions"]):
            r = make("review", c["id"], cap, c["body"], c.get("published_at"), 0)
            if r: pairs.append(r)
    corpus = SHARED / "corpus" / "articles.jsonl"
    for line in (open(corpus) if corpus.is_file() else []):
        d = json.loads(line)
        for i, im in enumerate(d.get("images") or []):
            cap = im.get("caption") or ""
            if not cap: continue
            r = make("corpus", d["id"] + ":" + str(i), cap, d.get("body") or [], d.get("published"), 0)
            if r: pairs.append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    json.dump(pairs, open(OUT / "pairs.json", "w"), indent=0)
    from collections import Counter
    c = Counter((p["src"], bool(p["sents"])) for p in pairs)
    for k in sorted(c): print(k, c[k])
    print("positives whose caption had no day mention:", skipped)

if __name__ == "__main__":
    main()
