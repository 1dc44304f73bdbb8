#!/usr/bin/env python3
"""Checks that Markdown and HTML add no false alarms: converts clean text
articles to Markdown (a link in every paragraph, fenced and indented code,
emphasis, front matter) and to HTML (the same, plus entities, a nav, a
script and a table), and compares warnings with the plain text.

Usage: scripts/markdown-parity.py CLEAN_DIR [OUT_DIR]
"""
import html as htmllib
import json, os, re, subprocess, sys, tempfile

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(src)):
    if not name.endswith(".txt"):
        continue
    paras = open(os.path.join(src, name), encoding="utf-8").read().split("\n\n")
    md = ["---\ntitle: the the ,, ..\n---\n"]
    for i, p in enumerate(paras):
        words = p.split(" ")
        if len(words) > 6:
            k = 3
            words[k] = f"[{words[k]}](https://example.com/{i}/a_b.html)"
            words[5] = f"**{words[5]}**" if re.fullmatch(r"\w+", words[5]) else words[5]
        md.append(" ".join(words))
        if i == 0:
            md.append("```python\nx = f(a,, b) ..  # the the\n```")
            md.append("    indented code: the the ,, ..")
    open(os.path.join(out, name[:-4] + ".md"), "w", encoding="utf-8").write("\n\n".join(md) + "\n")
    body = []
    for i, p in enumerate(paras):
        words = [htmllib.escape(w, quote=False) for w in p.split(" ")]
        if len(words) > 6:
            words[3] = f'<a href="https://example.com/{i}?a=1&amp;b=2">{words[3]}</a>'
            words[5] = f"<b>{words[5]}</b>"
        body.append("<p>" + " ".join(words) + "</p>")
        if i == 0:
            body.append("<pre><code>x = f(a,, b) .. the the</code></pre>")
            body.append("<table><tr><th>Item</th><th>Value</th></tr><tr><td>Rate</td><td>3.5 pct</td></tr></table>")
    page = ("<html><head><title>the the</title><script>var a = 'the the ,,';</script></head><body>"
            "<nav>Home News Advertisement</nav><article>" + "\n".join(body) + "</article>"
            "<footer>Share this article</footer></body></html>\n")
    os.makedirs(out + "-html", exist_ok=True)
    open(os.path.join(out + "-html", name[:-4] + ".html"), "w", encoding="utf-8").write(page)

def warnings(path):
    r = subprocess.run(["target/release/mtlint", "--format", "json", "--exit-zero", path], capture_output=True, text=True)
    report = json.loads(r.stdout)
    return report["summary"]["warning"], report["summary"]["error"], report["summary"]["info"]

print("text     (warning, error, info):", warnings(src))
print("markdown (warning, error, info):", warnings(out))
print("html     (warning, error, info):", warnings(out + "-html"))
