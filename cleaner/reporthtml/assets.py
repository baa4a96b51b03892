"""The page's colours, style sheet and script, inlined into every report: the page loads
nothing from anywhere."""

from __future__ import annotations

from ..result import Kind

# One colour per kind, told apart at a glance; the same in charts, chips and documents.
KIND_COLOURS: dict[str, str] = {
    Kind.ADVERTISEMENT: "#d62728",
    Kind.CAPTION: "#9467bd",
    Kind.CREDIT: "#8c564b",
    Kind.RELATED: "#1f77b4",
    Kind.SHARE: "#17a2b8",
    Kind.SUBSCRIBE: "#e377c2",
    Kind.COUNTER: "#6c757d",
    Kind.SOURCE: "#a1a21a",
    Kind.TIMESTAMP: "#2ca02c",
    Kind.DUPLICATE: "#ff7f0e",
    Kind.NAVIGATION: "#393b79",
    Kind.LEGAL: "#637939",
    Kind.COMMENTS: "#ad494a",
}
OTHER = "#888888"  # a kind this version does not know (a report from another version)
TINT = 0.13  # how much of a kind's colour shows behind a removed line
HISTOGRAM = "#4c78a8"
HISTOGRAM_HIGH = "#d62728"  # documents that lost more than half of their words
HIGH_SHARE_BIN = 5  # the first histogram bin drawn in HISTOGRAM_HIGH: (50%, 60%]


def colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, OTHER)


def tint(hex_colour: str, amount: float = TINT) -> str:
    """``hex_colour`` mixed into white: a background that keeps text readable."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in rgb)


def kind_css() -> str:
    """A class per kind (``k-credit``) setting its colour and tint."""
    return "".join(
        f".k-{kind}{{--k:{c};--kt:{tint(c)}}}" for kind, c in sorted(KIND_COLOURS.items())
    )


CSS = """
:root{--fg:#1d2329;--muted:#5f6b76;--line:#e3e7eb;--bg:#f6f7f9;--card:#fff;--k:#888;--kt:#eee}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
 font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:24px;margin:0 0 2px}h2{font-size:17px;margin:0 0 12px}
h3{font-size:14px;margin:0;word-break:break-all;font-weight:600}
p{margin:6px 0}.muted{color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;
 padding:18px 20px;margin:16px 0}
.lede{font-size:15px;margin:8px 0 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(104px,1fr));gap:10px;margin:0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:#fbfcfd}
.card b{display:block;font-size:22px;font-variant-numeric:tabular-nums}
.card span{color:var(--muted);font-size:12px}
.card.warn b{color:#b3261e}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:8px 28px}
.chart{max-width:100%;height:auto;display:block}
.chart text{font-size:12px;fill:var(--fg)}.chart .value{fill:var(--muted)}
.chart .axis{stroke:#c5ccd3}.chart a:hover rect{opacity:.75}
figure{margin:0}figcaption{color:var(--muted);font-size:12px;margin-top:4px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td.path{word-break:break-all}
.meter{display:inline-block;width:70px;height:8px;background:#edf0f2;border-radius:4px;
 margin-right:6px;vertical-align:middle;overflow:hidden}
.meter i{display:block;height:100%;background:#4c78a8}
.pct{display:inline-block;min-width:3.6em;text-align:right}
.chip{display:inline-block;border-radius:10px;padding:0 7px;margin:1px 2px 1px 0;font-size:12px;
 background:var(--kt);color:var(--fg);border:1px solid var(--k)}
.filter{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center;margin:0 0 12px;
 padding:10px 12px;background:#f1f4f7;border-radius:6px;position:sticky;top:0;z-index:1}
.filter select{font:inherit;padding:2px 4px;max-width:280px}
.doc{border:1px solid var(--line);border-radius:6px;margin:14px 0;overflow:hidden}
.doc>header{padding:8px 12px;background:#fafbfc;border-bottom:1px solid var(--line)}
.doc .meta{color:var(--muted);font-size:12px;margin:2px 0 0}
.tag{display:inline-block;font-size:11px;font-weight:600;border-radius:3px;padding:0 6px;
 margin-right:6px;background:#e8eef5;color:#27476e}.tag.worst{background:#fbe3e1;color:#8a1c14}
ol.lines{list-style:none;margin:0;padding:4px 0}
ol.lines li{display:grid;grid-template-columns:44px minmax(0,1fr) minmax(0,230px);gap:0 10px;
 padding:1px 12px 1px 0;border-left:4px solid transparent}
ol.lines .n{color:#9aa4ad;text-align:right;font:12px/1.9 ui-monospace,Menlo,Consolas,monospace}
ol.lines .t{white-space:pre-wrap;overflow-wrap:anywhere}
ol.lines li.rm{background:var(--kt);border-left-color:var(--k)}
ol.lines li.rm del{text-decoration-color:var(--k);color:#4a4f55}
ol.lines .why{font-size:11px;color:var(--muted);overflow-wrap:anywhere;line-height:1.9}
ol.lines .why b{color:var(--k);font-weight:600}
ol.lines li.gap .t,ol.lines .more{color:var(--muted);font-style:italic}
ol.lines li.dim{opacity:.35}
ol.lines li.fold{display:block;padding:0}
ol.lines li.fold summary{cursor:pointer;color:var(--muted);font-size:12px;font-style:italic;
 padding:1px 0 1px 54px;list-style-position:inside}
ol.lines li.fold summary:hover{color:var(--fg)}
ol.lines li.fold ol.lines{padding:0}
ul.msgs{margin:0;padding-left:18px;word-break:break-all}
footer{color:var(--muted);font-size:12px;text-align:center}
@media print{.filter{display:none}}
"""

# The filter: by kind, rule and why shown. It reads and writes the address's fragment
# (#kind=credit&rule=credit.photo), so a filtered view can be linked to and reloaded.
SCRIPT = """
(function(){
var f=document.getElementById('filter');if(!f)return;f.hidden=false;
var docs=[].slice.call(document.querySelectorAll('article.doc'));
var out=document.getElementById('shown');
function want(){var p=new URLSearchParams(location.hash.slice(1));
 return {kind:p.get('kind')||'',rule:p.get('rule')||'',why:p.get('why')||''};}
function hit(li,w){return (!w.kind||li.dataset.kind===w.kind)&&(!w.rule||li.dataset.rule===w.rule);}
function apply(){var w=want(),n=0;
 ['kind','rule','why'].forEach(function(k){var s=f.elements[k];s.value=w[k];
  if(s.value!==w[k])s.value='';});
 docs.forEach(function(d){var any=false;
  d.querySelectorAll('li.rm').forEach(function(li){var h=hit(li,w);any=any||h;
   li.classList.toggle('dim',!!(w.kind||w.rule)&&!h);});
  var show=any&&(!w.why||d.dataset.why.split(' ').indexOf(w.why)>=0);
  d.hidden=!show;if(show)n++;});
 out.textContent=n+' of '+docs.length+' documents shown';}
f.addEventListener('change',function(){var p=new URLSearchParams();
 ['kind','rule','why'].forEach(function(k){if(f.elements[k].value)p.set(k,f.elements[k].value);});
 history.replaceState(null,'','#'+p.toString());apply();});
window.addEventListener('hashchange',apply);apply();
})();
"""
