"""Rebuilds pages from the head pieces a labeller copied from saved pages that could only be read in pieces
(a stored repository copy served 16,000 characters at a time): title, title and description metas, canonical
link, article JSON-LD, the headings, the first h2s and a paragraph, each as written in the source. Writes
DIR/pages/<prefix>/<name>.html and the labels beside them as DIR/labels.tsv, for score.py.

    python3 heads-pages.py heads.jsonl DIR readability"""
import json, os, sys

heads, out, prefix = sys.argv[1:4]
os.makedirs(os.path.join(out, 'pages', prefix), exist_ok=True)
rows = []
for line in open(heads, encoding='utf-8'):
    if not line.strip():
        continue
    h = json.loads(line)
    if h.get('kind') == 'missing':
        continue
    head = ''.join(h.get('metas', [])) + ''.join(h.get('links', []))
    head += ''.join(f'<script type="application/ld+json">{ld}</script>' for ld in h.get('ld', []))
    body = ''.join(h.get('headings', [])) + ''.join(h.get('h2', [])) + (h.get('p') or '')
    page = f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{h.get('title') or ''}</title>{head}</head><body>{body}</body></html>"
    with open(os.path.join(out, 'pages', prefix, h['name'] + '.html'), 'w', encoding='utf-8') as f:
        f.write(page)
    # an article whose headline the labeller could not reach is left out, like a page that is not an article
    label = h['label'] if h.get('kind') == 'article' and (h.get('label') or '').strip() else '-'
    rows.append([f"{prefix}/{h['name']}", label, ' ‖ '.join(h.get('also') or []), h.get('kind', ''),
                 (h.get('notes') or '').replace('\t', ' ').replace('\n', ' ')])
with open(os.path.join(out, 'labels.tsv'), 'w', encoding='utf-8') as f:
    f.write('id\theadline\talso\tkind\tnotes\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
print(f'{len(rows)} pages in {out}')
