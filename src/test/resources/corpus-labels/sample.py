"""Draws the labelled sample: a seeded random draw over ../shared/corpus/manifest.jsonl (seed and size below)."""
import json, random, sys
SEED, SIZE = 20261201, 130
corpus = sys.argv[1] if len(sys.argv) > 1 else '../../../../../shared/corpus'
ids = sorted(json.loads(l)['id'] for l in open(corpus + '/manifest.jsonl'))
for i in sorted(random.Random(SEED).sample(ids, SIZE)):
    print(i)
