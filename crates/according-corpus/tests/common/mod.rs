//! Hand-made fixture documents: text plus entities and attributions located by substring.
#![allow(dead_code)]

use according_core::*;

pub struct DocBuilder {
    pub doc: Doc,
}

/// Byte span of the `nth` occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> Span {
    let mut from = 0;
    for _ in 0..nth {
        from += text[from..].find(needle).expect("needle") + needle.len();
    }
    let s = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in `{text}`"));
    Span::new(s, s + needle.len())
}

pub struct Attr<'a> {
    pub id: &'a str,
    pub source: Option<(&'a str, SourceType)>,
    pub entity: Option<&'a str>,
    pub cue: &'a str,
    pub content: &'a str,
    pub kind: AttributionKind,
    pub flags: Vec<Flag>,
    pub parent: Option<&'a str>,
}

impl<'a> Attr<'a> {
    pub fn new(
        id: &'a str,
        source: Option<(&'a str, SourceType)>,
        cue: &'a str,
        content: &'a str,
    ) -> Self {
        Attr {
            id,
            source,
            entity: None,
            cue,
            content,
            kind: AttributionKind::Indirect,
            flags: vec![],
            parent: None,
        }
    }
    pub fn entity(mut self, e: &'a str) -> Self {
        self.entity = Some(e);
        self
    }
    pub fn parent(mut self, p: &'a str) -> Self {
        self.parent = Some(p);
        self
    }
    pub fn flags(mut self, f: &[Flag]) -> Self {
        self.flags = f.to_vec();
        self
    }
    pub fn kind(mut self, k: AttributionKind) -> Self {
        self.kind = k;
        self
    }
}

impl DocBuilder {
    pub fn new(id: &str, site: Option<&str>, published: Option<&str>, text: &str) -> Self {
        let mut doc = Doc::new(id, format!("fixture:{id}"), text);
        doc.meta.site = site.map(String::from);
        doc.meta.published = published.map(String::from);
        // One sentence per line-ish: split at ". " boundaries for a realistic sentences table.
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            doc.sentences.push(Sentence {
                span: Span::new(start, i + 1),
            });
            start = i + 2;
        }
        if start < text.len() {
            doc.sentences.push(Sentence {
                span: Span::new(start, text.len()),
            });
        }
        DocBuilder { doc }
    }

    /// An entity with every occurrence of each surface as a mention (and NER mentions).
    pub fn entity(
        mut self,
        id: &str,
        name: &str,
        kind: EntityType,
        surfaces: &[&str],
        roles: &[&str],
    ) -> Self {
        let mut mentions = Vec::new();
        for s in surfaces {
            let mut from = 0;
            while let Some(i) = self.doc.text[from..].find(s) {
                let span = Span::new(from + i, from + i + s.len());
                mentions.push(span);
                self.doc.mentions.push(Mention {
                    span,
                    text: s.to_string(),
                    kind: match kind {
                        EntityType::Person => "PERSON",
                        EntityType::Outlet => "OUTLET",
                        _ => "ORG",
                    }
                    .into(),
                });
                from = span.end;
            }
        }
        mentions.sort();
        self.doc.entities.push(Entity {
            id: id.into(),
            name: name.into(),
            kind,
            mentions,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            affiliation: None,
        });
        self
    }

    pub fn attr(mut self, a: Attr) -> Self {
        let t = &self.doc.text;
        let source = a.source.map(|(s, kind)| Source {
            span: find(t, s, 0),
            text: s.into(),
            entity: a.entity.map(String::from),
            kind,
            role: None,
            members: Vec::new(),
        });
        let cs = find(t, a.cue, 0);
        let ts = find(t, a.content, 0);
        self.doc.attributions.push(Attribution {
            id: a.id.into(),
            kind: a.kind,
            source,
            cue: Cue {
                span: cs,
                spans: vec![cs],
                text: a.cue.into(),
            },
            content: Content {
                span: ts,
                spans: vec![ts],
                text: a.content.into(),
            },
            parent: a.parent.map(String::from),
            flags: a.flags,
            confidence: 0.9,
        });
        self
    }

    pub fn build(self) -> Doc {
        self.doc
    }
}

/// A synthetic but structurally complete document number `i` (for volume and crash tests).
pub fn synthetic(i: usize) -> Doc {
    let outlet = [
        "Daily Courier",
        "Evening Star",
        "The Ledger",
        "Radio Free Europe/Radio Liberty",
    ][i % 4];
    let person = [
        "Sergei Ivanov",
        "Igor Ivanov",
        "Anna Petrova",
        "Li Wei",
        "Maria Gomez",
    ][i % 5];
    let surname = person.split(' ').nth(1).unwrap();
    let topic = [
        "the budget",
        "the pipeline deal",
        "the election",
        "the strike",
        "the talks",
    ][i % 5];
    let text = format!(
        "{person}, the minister, said on day {i} that {topic} would go ahead “without any delay at all”. \
         {surname} added that officials in café number {i} were “ready”. \
         Some officials said privately that {topic} was in trouble, according to {outlet}."
    );
    let said = format!("that {topic} would go ahead “without any delay at all”");
    let ready = format!("that officials in café number {i} were “ready”");
    let trouble = format!("that {topic} was in trouble");
    DocBuilder::new(
        &format!("syn/{i:05}"),
        Some(outlet),
        Some(&format!("2005-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
        &text,
    )
    .entity("e1", person, EntityType::Person, &[person], &["minister"])
    .entity("e2", outlet, EntityType::Outlet, &[outlet], &[])
    .attr(Attr::new("a1", Some((person, SourceType::Person)), "said", &said).entity("e1"))
    .attr(Attr::new("a2", Some((surname, SourceType::Person)), "added", &ready).entity("e1"))
    .attr(
        Attr::new(
            "a3",
            Some((outlet, SourceType::Outlet)),
            "according to",
            &trouble,
        )
        .entity("e2")
        .kind(AttributionKind::AccordingTo),
    )
    .attr(
        Attr::new(
            "a4",
            Some(("Some officials", SourceType::Vague)),
            "said privately",
            &trouble,
        )
        .parent("a3")
        .flags(&[Flag::VagueSource, Flag::AnonymousSource]),
    )
    .build()
}
