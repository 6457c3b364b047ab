"""Scores Herald's headlines on a labelled page set that lives outside the repository (npm-pages.py builds one):
runs `herald preview --json` over the pages once and compares each headline exactly with the label or any of
its `also` entries, as CorpusLabelsTest does. Pages labelled `-` (not articles) are left out.

    python3 score.py npm-pages-labels.tsv /tmp/npm-pages ./herald [--restore-meta]

--restore-meta scores copies of the pages (written to DIR/restored) in which a <meta> that carries its text in
value= and has no content= gets it back as content=: the postlight fixtures were saved after their parser had
moved every meta's content= to value=, which no publisher's page does."""
import csv, json, os, re, subprocess, sys, collections

labels_file, pages, herald = sys.argv[1:4]
restore = '--restore-meta' in sys.argv[4:]
rows = list(csv.DictReader(open(labels_file, encoding='utf-8'), delimiter='\t'))
paths = {r['id']: f"{pages}/pages/{r['id']}.html" for r in rows}
if restore:
    meta = re.compile(rb'<meta\b[^>]*>', re.I)
    def restored(tag):
        t = tag.group(0)
        return t if re.search(rb'\scontent\s*=', t, re.I) else re.sub(rb'\svalue\s*=', b' content=', t, count=1, flags=re.I)
    for id_, path in list(paths.items()):
        copy = f"{pages}/restored/{id_}.html"
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        with open(path, 'rb') as src, open(copy, 'wb') as dst:
            dst.write(meta.sub(restored, src.read()))
        paths[id_] = copy
run = subprocess.run([herald, 'preview', '--json', *paths.values()], capture_output=True, text=True)
got = {}
for line in run.stdout.splitlines():
    if line.startswith('{'):
        j = json.loads(line)
        got[j['source']] = j
levels, wrong, held = collections.Counter(), [], 0
articles = [r for r in rows if r['headline'] != '-']
for r in articles:
    j = got.get(paths[r['id']], {})
    accepted = [r['headline']] + [a for a in r['also'].split(' ‖ ') if a]
    level = j.get('confidence', 'refused')
    levels[level] += 1
    # a refused page is not held for review: nothing is queued for it
    held += level in ('medium', 'low')
    if j.get('headline') not in accepted:
        wrong.append((r['id'], j.get('headline', j.get('error')), level, j.get('confidenceReason', ''), r['headline']))
n = len(articles)
print(f'{n} articles: {n - len(wrong)} right, {len(wrong)} wrong ({100 * len(wrong) / n:.1f} %)')
print(f"levels: {dict(levels)}; held (not high): {held} = {100 * held / n:.1f} %")
caught = sum(1 for w in wrong if w[2] != 'high')
print(f'wrong headlines not rated high: {caught} of {len(wrong)}')
for id_, h, level, reason, label in wrong:
    print(f'  {id_}\n    herald: {h!r} [{level}: {reason}]\n    label : {label!r}')
