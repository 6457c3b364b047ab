"""Prints, for each sampled page, what a reader sees first: <title>, the social titles, JSON-LD headline/name,
the <h1>s and <h2>s and the first paragraph. Independent of Herald's code; used to write labels.tsv by hand."""
import json, re, sys, html
from html.parser import HTMLParser

class Grab(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.title, self.h, self.p, self.ld = {}, None, [], [], []
        self.stack, self.buf, self.raw = [], None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'meta':
            k = (a.get('property') or a.get('name') or a.get('itemprop') or '').lower()
            # some saved fixtures carry a meta's text in value= instead of content=
            text = a.get('content') or a.get('value')
            if k and k not in self.meta and text: self.meta[k] = text
        if tag == 'script' and (a.get('type') or '').lower() == 'application/ld+json': self.raw = []
        if tag in ('title', 'h1', 'h2', 'p') and self.buf is None:
            self.buf, self.btag = [], tag
    def handle_endtag(self, tag):
        if tag == 'script' and self.raw is not None:
            self.ld.append(''.join(self.raw)); self.raw = None
        if self.buf is not None and tag == self.btag:
            t = re.sub(r'\s+', ' ', ''.join(self.buf)).strip()
            if tag == 'title' and self.title is None: self.title = t
            elif tag in ('h1', 'h2') and t: self.h.append((tag, t))
            elif tag == 'p' and len(t) > 40: self.p.append(t)
            self.buf = None
    def handle_data(self, d):
        if self.raw is not None: self.raw.append(d)
        elif self.buf is not None: self.buf.append(d)

def ld_titles(blocks):
    out = []
    def walk(o):
        if isinstance(o, list):
            for x in o: walk(x)
        elif isinstance(o, dict):
            t = o.get('@type')
            for k in ('headline', 'name', 'alternativeHeadline'):
                if isinstance(o.get(k), str) and k != 'name' or (k == 'name' and t and 'Article' in str(t)):
                    out.append(f"{t}.{k}: {o[k]}")
            for v in o.values():
                if isinstance(v, (list, dict)): walk(v)
    for b in blocks:
        try: walk(json.loads(b))
        except Exception: pass
    return out

def decode(b):
    for enc in ('utf-8',):
        try: return b.decode(enc)
        except UnicodeDecodeError: pass
    m = re.search(rb'charset=["\']?([-\w]+)', b[:4000])
    try: return b.decode(m.group(1).decode() if m else 'cp1252', 'replace')
    except LookupError: return b.decode('cp1252', 'replace')

corpus = sys.argv[1]
man = {json.loads(l)['id']: json.loads(l) for l in open(corpus + '/manifest.jsonl')}
for pid in sys.stdin.read().split():
    m = man[pid]
    g = Grab()
    try: g.feed(decode(open(corpus + '/' + m['path'], 'rb').read()))
    except Exception as e: print('  parse error', e)
    print('=' * 8, pid, m.get('url'))
    print('  title  :', g.title)
    for k in ('og:title', 'twitter:title', 'og:site_name', 'headline', 'description', 'og:description'):
        if k in g.meta: print(f'  {k:7}:', html.unescape(g.meta[k])[:160])
    for t in ld_titles(g.ld)[:4]: print('  ld     :', t[:160])
    for tag, t in g.h[:5]: print(f'  {tag}     :', t[:160])
    for t in g.p[:1]: print('  p      :', t[:160])
