"""Draws the second, held-out sample: 40 of the corpus pages NOT in sample.txt, seed below."""
import json, random, sys
SEED, SIZE = 20261202, 40
corpus = sys.argv[1] if len(sys.argv) > 1 else '../../../../../shared/corpus'
taken = set(open('sample.txt').read().split())
ids = sorted(json.loads(l)['id'] for l in open(corpus + '/manifest.jsonl') if json.loads(l)['id'] not in taken)
for i in sorted(random.Random(SEED).sample(ids, SIZE)):
    print(i)
