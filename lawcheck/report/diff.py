"""The diff of two versions (`lawcheck.compare`) as text, Markdown, HTML or JSON."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from lawcheck.i18n import CATALOG, tr
from lawcheck.safe_text import markdown_code, markdown_text, terminal_text


def _t(diff: Mapping[str, Any], key: str, **values: Any) -> str:
    """A catalog entry in the diff's language (that of the report words of the new version)."""
    return tr(key, str(diff.get("ui_language") or "en"), **values)


def render_diff(diff: Mapping[str, Any], output_format: str) -> str:
    """The diff in the asked format: text, md, html or json."""
    if output_format == "json":
        return json.dumps(diff, ensure_ascii=False, indent=2) + "\n"
    renderers = {"md": render_diff_markdown, "html": render_diff_html}
    return renderers.get(output_format, render_diff_text)(diff)


def _headline(diff: Mapping[str, Any]) -> list[str]:
    old, new, summary = diff["old"], diff["new"], diff["summary"]
    lines = [f"lawcheck diff: {old['source']} -> {new['source']}", new["title"] or old["title"]]
    amendment = diff.get("amendment")
    if amendment is not None:
        lines.append(_t(diff, "diff.amendment", source=amendment["source"], applied=len(amendment["applied"]),
                        problems=len(amendment["problems"])))
    lines.append(_t(diff, "diff.conformance", added=summary["findings_added"], high=summary["high_findings_added"],
                    resolved=summary["findings_resolved"], requirements=summary["requirements_changed"],
                    safeguards=summary["safeguards_changed"]))
    lines.append(_t(diff, "diff.text", added=summary["provisions_added"], removed=summary["provisions_removed"],
                    changed=summary["provisions_changed"]))
    return lines


def _state(diff: Mapping[str, Any], value: str) -> str:
    """A requirement status or a safeguard state in words."""
    for prefix in ("status", "safeguard"):
        key = f"{prefix}.{value}"
        if key in CATALOG:
            return _t(diff, key)
    return value


def _safeguard(diff: Mapping[str, Any], safeguard_id: str) -> str:
    from lawcheck.engine.findings import safeguard_name

    return safeguard_name(safeguard_id, str(diff.get("ui_language") or "en"))


def _cited(finding: Mapping[str, Any]) -> list[str]:
    return list(finding.get("labels") or finding.get("provisions") or [])


def _finding_line(finding: Mapping[str, Any]) -> str:
    return f"[{finding['severity'][0].upper()}] {finding['code']}: {finding['message']}"


def _elide(words: str, keep: int, where: str) -> str:
    """Long unchanged runs shortened around the change: "… last words" / "first words …"."""
    parts = words.split()
    if len(parts) <= 2 * keep + 2:
        return words
    if where == "start":
        return "… " + " ".join(parts[-keep:])
    if where == "end":
        return " ".join(parts[:keep]) + " …"
    return " ".join(parts[:keep]) + " … " + " ".join(parts[-keep:])


def inline_diff(diff: Sequence[Sequence[str]], mark: Mapping[str, tuple[str, str]], escape: Any = str,
                keep: int = 6) -> str:
    """A diff as one line: unchanged runs shortened, changes marked ([-old-] {+new+}, <del>,
    ~~...~~); the space before a piece stays outside its mark."""
    pieces = []
    for index, (op, words) in enumerate(diff):
        space = " " if words[:1].isspace() else ""
        words = words.strip()
        if op == "=":
            where = "start" if index == 0 else "end" if index == len(diff) - 1 else "middle"
            pieces.append(space + escape(_elide(words, keep, where)))
        else:
            opening, closing = mark[op]
            pieces.append(f"{space}{opening}{escape(words)}{closing}")
    return "".join(pieces)


_TEXT_MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}")}


def render_diff_text(diff: Mapping[str, Any], *, limit: int = 10) -> str:
    """A terminal summary a person reads in twenty seconds: conformance first, then text."""
    lines = [*_headline(diff), ""]
    findings = diff["findings"]
    sections = [
        (_t(diff, "diff.new"), [_finding_line(f) for f in findings["added"]]),
        (_t(diff, "diff.safeguards"), [f"{s['requirement']} {_safeguard(diff, s['safeguard'])}: "
                                       f"{_state(diff, s['old'])} -> {_state(diff, s['new'])}"
                                       for s in diff["safeguards"]]),
        (_t(diff, "diff.statuses"), [f"{r['id']} {r.get('title', '')}: {_state(diff, r['old_status'])} -> "
                                     f"{_state(diff, r['new_status'])}" for r in diff["requirements"]]),
        (_t(diff, "diff.resolved"), [_finding_line(f) for f in findings["resolved"]]),
        (_t(diff, "diff.changed"), [f"~ {c['eId']}" + (f" (was {c['old_eId']})" if c.get("old_eId") else "")
                                    + f": {inline_diff(c['diff'], _TEXT_MARKS)}" for c in diff["changes"]]),
        (_t(diff, "diff.added"), [f"+ {t['eId']}: {_first_line(t['text'])}" for t in diff["texts"]["added"]]),
        (_t(diff, "diff.removed"), [f"- {t['eId']}: {_first_line(t['text'])}" for t in diff["texts"]["removed"]]),
    ]
    amendment = diff.get("amendment")
    if amendment is not None:
        sections.append((_t(diff, "diff.not_applied"),
                         [f"{p['eId']}" + (f" (line {p['line']})" if p.get("line") else "") + f": {p['message']}"
                          for p in amendment["problems"]]))
    for title, items in sections:
        if not items:
            continue
        lines.append(f"{title} ({len(items)})")
        lines.extend(f"  {item}" for item in items[:limit])
        if len(items) > limit:
            lines.append("  " + _t(diff, "report.more", count=len(items) - limit))
        lines.append("")
    if len(lines) == len(_headline(diff)) + 1:
        lines.append(_t(diff, "diff.none"))
    return terminal_text("\n".join(lines).rstrip("\n") + "\n")


def _first_line(text: str, limit: int = 100) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit - 1] + "…"


def _md(text: str) -> str:
    return markdown_text(text)


_MD_MARKS = {"-": ("~~", "~~"), "+": ("**", "**")}


def render_diff_markdown(diff: Mapping[str, Any]) -> str:
    """Markdown for a review file or an issue: tables for conformance, ~~old~~ **new** text."""
    head = _headline(diff)
    lines = [f"# {_md(head[0])}", "", *[f"{_md(line)}  " for line in head[1:]], ""]
    findings = diff["findings"]
    if diff["requirements"] or diff["safeguards"]:
        lines += [f"## {_t(diff, 'diff.conformance_changes')}", "",
                  f"| {_t(diff, 'diff.col.requirement')} | {_t(diff, 'diff.col.what')} | {_t(diff, 'diff.col.before')} "
                  f"| {_t(diff, 'diff.col.after')} |", "| --- | --- | --- | --- |"]
        lines += [f"| {r['id']} | {_md(r.get('title', ''))} | {_state(diff, r['old_status'])} "
                  f"| {_state(diff, r['new_status'])} |" for r in diff["requirements"]]
        lines += [f"| {s['requirement']} | {_safeguard(diff, s['safeguard'])} | {_state(diff, s['old'])} "
                  f"| {_state(diff, s['new'])} |" for s in diff["safeguards"]]
        lines.append("")
    for title, items in ((_t(diff, "diff.new"), findings["added"]), (_t(diff, "diff.resolved"), findings["resolved"])):
        if items:
            lines += [f"## {title} ({len(items)})", ""]
            lines += [_md_finding(finding, diff) for finding in items]
            lines.append("")
    if diff["changes"]:
        lines += [f"## {_t(diff, 'diff.changed')} ({len(diff['changes'])})", ""]
        for change in diff["changes"]:
            was = f" (was {markdown_code(change['old_eId'])})" if change.get("old_eId") else ""
            lines.append(f"- {markdown_code(change['eId'])}{was}: "
                         f"{inline_diff(change['diff'], _MD_MARKS, escape=_md, keep=10)}")
        lines.append("")
    for title, key in ((_t(diff, "diff.added"), "added"), (_t(diff, "diff.removed"), "removed")):
        items = diff["texts"][key]
        if items:
            lines += [f"## {title} ({len(items)})", ""]
            for item in items:
                lines += [f"### {markdown_code(item['eId'])}", "",
                          *[f"> {_md(line)}  " for line in item["text"].split("\n")], ""]
    amendment = diff.get("amendment")
    if amendment and amendment["problems"]:
        lines += [f"## {_t(diff, 'diff.not_applied')} ({len(amendment['problems'])})", "",
                  "| Provision | Line | Problem | Instruction |", "| --- | --- | --- | --- |"]
        lines += [f"| {markdown_code(p['eId'])} | {p['line']} | {_md(p['message'])} | {_md(p['instruction'])} |"
                  for p in amendment["problems"]]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_finding(finding: Mapping[str, Any], diff: Mapping[str, Any]) -> str:
    where = ", ".join(_cited(finding))
    severity = _t(diff, f"severity.{finding['severity']}")
    return f"- **{finding['code']}** ({severity})" + (_t(diff, "report.in") + _md(where) if where else "") + \
        f": {_md(finding['message'])}"


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2733;padding:0 1rem}
h1{font-size:1.45rem}h2{margin-top:2rem;border-bottom:1px solid #ccd;font-size:1.15rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d5d9e0;padding:.3rem .5rem;vertical-align:top;
text-align:left}th{background:#f1f3f6}.lead{font-size:1.05rem}.small{font-size:.85rem;color:#555}
ins{background:#d8f5dc;text-decoration:none;padding:0 .1rem}del{background:#fbd9d6;color:#7a1c17;padding:0 .1rem}
.sev-high{color:#a4161a;font-weight:600}.sev-medium{color:#9a6700}.worse{background:#fde4e1}.better{background:#e3f4e6}
.prov{border-left:3px solid #99a;padding:.2rem .8rem;margin:.6rem 0}.eid{font:12px monospace;color:#556}
.added{border-left-color:#3a9d4a}.removed{border-left-color:#c0392b}.text{white-space:pre-wrap}
"""
_RANK = {"implemented": 3, "partial": 2, "missing": 1, "not_applicable": 0, "not_assessed": 0,
         "present": 2, "unknown": 1, "absent": 0}
HTML_MARKS = {"-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}


def _trend(before: str, after: str) -> str:
    return "worse" if _RANK.get(after, 0) < _RANK.get(before, 0) else "better"


def render_diff_html(diff: Mapping[str, Any]) -> str:
    """One self-contained page: conformance tables, then every changed provision with its
    words struck out (<del>) and inserted (<ins>)."""
    esc = html.escape
    head = _headline(diff)
    parts = [f"<!doctype html><html lang='{esc(str(diff.get('ui_language') or 'en'))}'><head>"
             f"<meta charset='utf-8'><title>{esc(head[0])}</title>"
             f"<style>{_CSS}</style></head><body><h1>{esc(head[0])}</h1>"
             f"<p class='lead'><b>{esc(head[1])}</b></p>",
             *[f"<p>{esc(line)}</p>" for line in head[2:]]]
    parts.append(_html_conformance(diff))
    parts.append(_html_findings(_t(diff, "diff.new"), diff["findings"]["added"], diff))
    parts.append(_html_findings(_t(diff, "diff.resolved"), diff["findings"]["resolved"], diff))
    if diff["changes"]:
        parts.append(f"<h2>{esc(_t(diff, 'diff.changed'))} ({len(diff['changes'])})</h2>")
        for change in diff["changes"]:
            was = f" (was {esc(change['old_eId'])})" if change.get("old_eId") else ""
            parts.append(f"<div class='prov' id='{esc(change['eId'])}'><div class='eid'>{esc(change['eId'])}{was}"
                         f"</div>{inline_diff(change['diff'], HTML_MARKS, esc, keep=40)}</div>")
    for title, key in ((_t(diff, "diff.added"), "added"), (_t(diff, "diff.removed"), "removed")):
        items = diff["texts"][key]
        if items:
            tag = "ins" if key == "added" else "del"
            parts.append(f"<h2>{esc(title)} ({len(items)})</h2>")
            parts += [f"<div class='prov {key}' id='{esc(item['eId'])}'><div class='eid'>{esc(item['eId'])}</div>"
                      f"<{tag} class='text'>{esc(item['text'])}</{tag}></div>" for item in items]
    parts.append(_html_amendment(diff.get("amendment"), diff))
    parts.append("</body></html>\n")
    return "".join(parts)


def _html_conformance(diff: Mapping[str, Any]) -> str:
    rows = [_html_row(diff, r["id"], r.get("title", ""), r["old_status"], r["new_status"])
            for r in diff["requirements"]]
    rows += [_html_row(diff, s["requirement"], _safeguard(diff, s["safeguard"]), s["old"], s["new"])
             for s in diff["safeguards"]]
    title = html.escape(_t(diff, "diff.conformance_changes"))
    if not rows:
        return f"<h2>{title}</h2><p>{html.escape(_t(diff, 'diff.no_conformance_change'))}</p>"
    header = "".join(f"<th>{html.escape(_t(diff, 'diff.col.' + column))}</th>"
                     for column in ("requirement", "what", "before", "after"))
    return f"<h2>{title}</h2><table><tr>{header}</tr>{''.join(rows)}</table>"


def _html_row(diff: Mapping[str, Any], requirement: str, what: str, before: str, after: str) -> str:
    esc = html.escape
    return (f"<tr class='{_trend(before, after)}'><td>{esc(requirement)}</td><td>{esc(what)}</td>"
            f"<td>{esc(_state(diff, before))}</td><td>{esc(_state(diff, after))}</td></tr>")


def _html_findings(title: str, findings: Sequence[Mapping[str, Any]], diff: Mapping[str, Any]) -> str:
    if not findings:
        return ""
    items = "".join(_html_finding(finding, diff) for finding in findings)
    return f"<h2>{html.escape(title)} ({len(findings)})</h2><ul>{items}</ul>"


def _html_finding(finding: Mapping[str, Any], diff: Mapping[str, Any]) -> str:
    esc = html.escape
    where = ", ".join(f"<span title='{esc(eid)}'>{esc(label)}</span>"
                      for eid, label in zip(finding.get("provisions", []), _cited(finding), strict=False))
    advice = (f"<div class='small'>{esc(_t(diff, 'report.what_to_change'))}: {esc(finding['help'])}</div>"
              if finding.get("help") else "")
    return (f"<li><span class='sev-{esc(finding['severity'])}'>{esc(finding['code'])}</span> {where} "
            f"<span class='small'>{esc(finding.get('cites', ''))}</span><br>{esc(finding['message'])}{advice}</li>")


def _html_amendment(amendment: Mapping[str, Any] | None, diff: Mapping[str, Any]) -> str:
    if not amendment:
        return ""
    esc = html.escape
    applied = _t(diff, "diff.applied", applied=len(amendment["applied"]), problems=len(amendment["problems"]))
    parts = [f"<h2>{esc(_t(diff, 'diff.amending_act', source=amendment['source']))}</h2><p>{esc(applied)}</p>"]
    if amendment["problems"]:
        parts.append("<table><tr><th>Provision</th><th>Line</th><th>Problem</th><th>Instruction</th></tr>")
        parts += [f"<tr><td>{esc(p['eId'])}</td><td>{p['line'] or ''}</td><td>{esc(p['message'])}</td>"
                  f"<td class='small'>{esc(p['instruction'])}</td></tr>" for p in amendment["problems"]]
        parts.append("</table>")
    return "".join(parts)
