//! `--format table`: one line per attribution, `source → cue → content`, children indented
//! under the attribution they are reported within, flags at the end.

use according_core::{Attribution, Doc};

fn kind_name<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn line(doc: &Doc, a: &Attribution, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let branch = if depth > 0 { "└ " } else { "" };
    let source = match &a.source {
        Some(s) => {
            let ent = s
                .entity
                .as_ref()
                .and_then(|id| doc.entities.iter().find(|e| &e.id == id));
            let name_of = |m: &according_core::Source| {
                m.entity
                    .as_ref()
                    .and_then(|id| doc.entities.iter().find(|e| &e.id == id))
                    .map_or_else(|| m.text.clone(), |e| e.name.clone())
            };
            let mut label = match ent {
                Some(e) if e.name != s.text => format!("{} [= {}]", s.text, e.name),
                // `Sony, IBM and Toshiba [= Sony + IBM + Toshiba]`: who each name is.
                _ if !s.members.is_empty() => {
                    let names: Vec<String> = s.members.iter().map(name_of).collect();
                    format!("{} [= {}]", s.text, names.join(" + "))
                }
                _ => s.text.clone(),
            };
            let mut extra = vec![kind_name(&s.kind)];
            if let Some(r) = s.role.as_ref().or(ent.and_then(|e| e.roles.first())) {
                extra.push(r.clone());
            }
            if let Some(aff) = ent.and_then(|e| e.affiliation.as_ref()) {
                extra.push(aff.clone());
            }
            label.push_str(&format!(" ({})", extra.join("; ")));
            shorten(&label, 90)
        }
        None => "(no source)".to_string(),
    };
    let flags: Vec<String> = a.flags.iter().map(kind_name).collect();
    out.push_str(&format!(
        "{indent}{branch}{} {:<12} {source} → {} → {}{}\n",
        a.id,
        kind_name(&a.kind),
        a.cue.text,
        shorten(&a.content.text, 100),
        if flags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", flags.join(", "))
        }
    ));
}

fn walk(doc: &Doc, parent: Option<&str>, depth: usize, out: &mut String) {
    for a in doc
        .attributions
        .iter()
        .filter(|a| a.parent.as_deref() == parent)
    {
        line(doc, a, depth, out);
        if depth < 16 {
            walk(doc, Some(&a.id), depth + 1, out);
        }
    }
}

/// Render the attributions of `doc` as an indented table.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    walk(doc, None, 0, &mut out);
    // Attributions whose parent id is unknown (should not happen) are still shown.
    for a in &doc.attributions {
        if let Some(p) = &a.parent {
            if !doc.attributions.iter().any(|b| &b.id == p) {
                line(doc, a, 0, &mut out);
            }
        }
    }
    out
}
