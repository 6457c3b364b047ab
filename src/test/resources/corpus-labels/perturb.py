"""Scores Herald on the labelled real pages with one kind of evidence taken away at a time: the social titles
(og:title, twitter:title), the <title>, the JSON-LD, the <h1>s (turned into <div>s), or all but the <title>; or
with a template's usual slip: og:title filled with the whole <title>, the site's name as og:title or as <title>,
two teaser <h1>s of other stories ahead of the article.
Many publishers' pages lack one of these, and the labelled pages mostly have them all, so each variant shows how
the rules that stand in for the missing piece hold up. The labels stay as they are; where a label was the missing
piece's own wording, another piece's wording of the same headline counts as wrong here, so compare the variants
with the whole pages (the row "none") and read the listed differences before counting them as mistakes.

    python3 perturb.py ./herald ../shared/corpus NPM_DIR/restored ARTICLE_DIR/pages OUT [variant ...]

NPM_DIR and ARTICLE_DIR are what `npm-pages.py npm-pages.tsv` and `npm-pages.py article-pages.tsv` built (the npm
pages with their metas restored, as `score.py --restore-meta` writes them). The variant pages, the JSON Herald
printed for each and a list of the differences go to OUT; none of it belongs in the repository."""
import csv, json, os, re, subprocess, sys, collections, html

herald, corpus, npm_pages, article_pages, out_dir = sys.argv[1:6]
here = os.path.dirname(os.path.abspath(__file__))
manifest = {json.loads(l)['id']: json.loads(l)['path'] for l in open(os.path.join(corpus, 'manifest.jsonl'))}
pages = []
for f in ['labels.tsv', 'holdout.tsv', 'unseen.tsv', 'unseen2.tsv']:
    for r in csv.DictReader(open(os.path.join(here, f), encoding='utf-8'), delimiter='\t'):
        if r['headline'] != '-':
            pages.append((f, r, os.path.join(corpus, manifest[r['id']])))
for f, base in [('npm-pages-labels.tsv', npm_pages), ('article-pages-labels.tsv', article_pages)]:
    for r in csv.DictReader(open(os.path.join(here, f), encoding='utf-8'), delimiter='\t'):
        if r['headline'] != '-' and r.get('kind', 'article') == 'article':
            pages.append((f, r, os.path.join(base, r['id'] + '.html')))

FLAGS = re.I | re.S
SOCIAL = re.compile(rb'<meta\b[^>]*?(?:property|name)\s*=\s*["\']?(?:og:title|twitter:title)\b[^>]*>', FLAGS)
TITLE = re.compile(rb'<title\b[^>]*>.*?</title\s*>', FLAGS)
LD = re.compile(rb'<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>', FLAGS)


def no_h1(b):
    return re.sub(rb'</h1\s*>', b'</div>', re.sub(rb'<h1\b', b'<div', b, flags=re.I), flags=re.I)


OG_TITLE = re.compile(rb'(<meta\b[^>]*?property\s*=\s*["\']?og:title\b[^>]*?content\s*=\s*)(["\'])(.*?)\2', FLAGS)
SITE_NAME = re.compile(rb'<meta\b[^>]*?property\s*=\s*["\']?og:site_name\b[^>]*?content\s*=\s*["\']([^"\'>]*)', FLAGS)
TITLE_TEXT = re.compile(rb'<title\b[^>]*>(.*?)</title\s*>', FLAGS)
BODY = re.compile(rb'<body\b[^>]*>', FLAGS)


def og_is_title(b):
    # the CMS fills og:title with the whole <title>, site name and all
    t = TITLE_TEXT.search(b)
    if not t:
        return b
    text = t.group(1).strip().replace(b'"', b'&quot;')
    return OG_TITLE.sub(lambda m: m.group(1) + b'"' + text + b'"', b)


def site_name_as(b, where):
    # a misconfigured template puts the site's name where the story's title belongs
    name = SITE_NAME.search(b)
    if not name:
        return b
    n = name.group(1).strip()
    if where == 'og':
        return OG_TITLE.sub(lambda m: m.group(1) + b'"' + n + b'"', b)
    return TITLE.sub(b'<title>' + n + b'</title>', b, count=1)


def related_h1s_first(b):
    # a "related stories" box with h1 teasers ahead of the article
    box = (b'<div class="box"><h1><a href="/2020/01/other-story">Council approves budget for '
           b'the coming year</a></h1><h1><a href="/2020/01/another">Storm closes the coast road '
           b'for a week</a></h1></div>')
    return BODY.sub(lambda m: m.group(0) + box, b, count=1)


VARIANTS = {
    'none': lambda b: b,
    'no-social-title': lambda b: SOCIAL.sub(b'', b),
    'no-title': lambda b: TITLE.sub(b'', b),
    'no-json-ld': lambda b: LD.sub(b'', b),
    'no-h1': no_h1,
    'title-and-h1-only': lambda b: LD.sub(b'', SOCIAL.sub(b'', b)),
    'title-only': lambda b: no_h1(LD.sub(b'', SOCIAL.sub(b'', b))),
    'og-title-is-title': og_is_title,
    'og-title-is-site-name': lambda b: site_name_as(b, 'og'),
    'title-is-site-name': lambda b: site_name_as(b, 'title'),
    'related-h1s-first': related_h1s_first,
}


def texts(b, rx):
    found = re.findall(rx, b, FLAGS)
    return [re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', m.decode('utf-8', 'replace')))).strip() for m in found]


print('variant | pages | differ from the label | of them not high | held (not high)')
for name in sys.argv[6:] or list(VARIANTS):
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    paths = []
    for i, (f, r, p) in enumerate(pages):
        q = os.path.join(d, f'{i:04d}.html')
        with open(p, 'rb') as src, open(q, 'wb') as dst:
            dst.write(VARIANTS[name](src.read()))
        paths.append(q)
    run = subprocess.run([herald, 'preview', '--json', *paths], capture_output=True, text=True)
    got = {}
    for line in run.stdout.splitlines():
        if line.startswith('{'):
            j = json.loads(line)
            got[j['source']] = j
    json.dump({str(i): got.get(paths[i], {}) for i in range(len(pages))}, open(os.path.join(out_dir, name + '.json'), 'w'))
    wrong, held = [], 0
    for i, (f, r, p) in enumerate(pages):
        j = got.get(paths[i], {})
        accepted = [r['headline']] + [a for a in r.get('also', '').split(' ‖ ') if a]
        held += j.get('confidence') in ('medium', 'low')
        refused_rightly = r['headline'] == '(none)' and 'error' in j
        if j.get('headline') not in accepted and not refused_rightly:
            wrong.append((i, f, r, j))
    caught = sum(1 for w in wrong if w[3].get('confidence') != 'high')
    n = len(pages)
    print(f'{name} | {n} | {len(wrong)} ({100 * len(wrong) / n:.1f} %) | {caught} | {held} ({100 * held / n:.1f} %)')
    with open(os.path.join(out_dir, name + '.txt'), 'w') as listing:
        for i, f, r, j in wrong:
            b = open(paths[i], 'rb').read()
            listing.write(f"[{i}] {f} {r['id']}\n  label : {r['headline']!r}\n"
                          f"  herald: {j.get('headline', j.get('error'))!r} [{j.get('confidence')}: {j.get('confidenceReason', '')}]\n"
                          f"  title : {texts(b, rb'<title[^>]*>(.*?)</title')[:1]}\n  h1    : {texts(b, rb'<h1[^>]*>(.*?)</h1')[:3]}\n")
