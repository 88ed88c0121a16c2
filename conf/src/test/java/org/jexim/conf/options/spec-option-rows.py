# Extracts the option rows (name, use, type, dagger for "expanded", default) of the Exim spec
# into spec.json, for generate-option-tables.py.
import re, glob, html, json
rows = []
for f in sorted(glob.glob('/usr/share/doc/exim4-doc-html/spec_html/ch-*.html')):
    t = open(f, encoding='utf-8').read()
    for m in re.finditer(r'<tr>\s*<td><span class="docbook_option">([^<]+)</span></td>\s*<td>Use: (.*?)</td>\s*<td>Type: (.*?)</td>\s*<td>Default: (.*?)</td>', t, re.S):
        name, use, typ, dflt = m.groups()
        strip = lambda s: html.unescape(re.sub(r'<[^>]+>', '', s)).strip()
        rows.append(dict(name=name.strip(), use=strip(use), type=strip(typ), dagger='†' in typ, default=strip(dflt), file=f.split('/')[-1]))
json.dump(rows, open('spec.json','w'), indent=0)
print(len(rows))
from collections import Counter
print(Counter(r['use'] for r in rows))
print(Counter(r['type'].replace('†','') for r in rows))
