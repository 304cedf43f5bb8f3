//! The founding example: the careful reader's attributions, chains, flags and sources.
use according_attrib::{nlp::Prep, Extractor};
use according_core::{Attribution, AttributionKind, Doc, EntityType, Flag};

fn run() -> Doc {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/seed-article.txt"
    ))
    .unwrap();
    let mut doc = Doc::new("seed-article", "examples/seed-article.txt", text);
    Prep::embedded().run(&mut doc);
    Extractor::embedded().unwrap().extract(&mut doc);
    doc
}

fn find<'d>(doc: &'d Doc, cue: &str, source_has: &str) -> &'d Attribution {
    doc.attributions
        .iter()
        .find(|a| {
            a.cue.text == cue
                && a.source
                    .as_ref()
                    .is_some_and(|s| s.text.contains(source_has))
        })
        .unwrap_or_else(|| {
            panic!(
                "no `{cue}` attribution with source containing `{source_has}`:\n{}",
                according_attrib::table::render(doc)
            )
        })
}

fn entity_name<'d>(doc: &'d Doc, a: &Attribution) -> Option<&'d str> {
    let id = a.source.as_ref()?.entity.as_ref()?;
    doc.entities
        .iter()
        .find(|e| &e.id == id)
        .map(|e| e.name.as_str())
}

fn parent_source<'d>(doc: &'d Doc, a: &Attribution) -> Option<&'d str> {
    let p = doc
        .attributions
        .iter()
        .find(|b| Some(&b.id) == a.parent.as_ref())?;
    entity_name(doc, p)
}

#[test]
fn chains_sources_and_flags() {
    let doc = run();
    let table = according_attrib::table::render(&doc);
    const RFERL: &str = "Radio Free Europe/Radio Liberty";

    let saltanov = find(&doc, "stated", "Saltanov");
    assert_eq!(
        entity_name(&doc, saltanov),
        Some("Alexander Saltanov"),
        "{table}"
    );
    assert_eq!(parent_source(&doc, saltanov), Some(RFERL), "{table}");

    let ivanov = find(&doc, "declared", "Ivanov");
    assert_eq!(entity_name(&doc, ivanov), Some("Sergei Ivanov"), "{table}");
    let e = doc
        .entities
        .iter()
        .find(|e| e.name == "Sergei Ivanov")
        .unwrap();
    assert!(
        e.roles.iter().any(|r| r == "Russian Defense Minister"),
        "{e:?}"
    );
    assert_eq!(e.affiliation.as_deref(), Some("Russia"));
    assert_eq!(
        parent_source(&doc, ivanov),
        Some("Corriere della Sera"),
        "{table}"
    );
    let corriere = doc
        .entities
        .iter()
        .find(|e| e.name == "Corriere della Sera")
        .unwrap();
    assert_eq!(
        (corriere.kind, corriere.affiliation.as_deref()),
        (EntityType::Outlet, Some("Italy"))
    );

    let police = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "verified")
        .expect("`verified` attribution");
    assert_eq!(parent_source(&doc, police), Some(RFERL), "{table}");
    let butler = find(&doc, "stated", "Butler");
    assert_eq!(parent_source(&doc, butler), Some(RFERL), "{table}");
    assert!(
        doc.entities
            .iter()
            .any(|e| e.name == "Richard Butler" && e.affiliation.as_deref() == Some("U.N.")),
        "{table}"
    );

    let asserted = find(&doc, "asserted", "Saltanov");
    assert_eq!(asserted.kind, AttributionKind::Mixed);
    assert!(asserted.flags.contains(&Flag::Denial), "{table}");

    assert!(
        doc.attributions
            .iter()
            .any(|a| a.flags.contains(&Flag::VagueSource)
                && (a.cue.text.contains("reports")
                    || a.source
                        .as_ref()
                        .is_some_and(|s| s.text.contains("reports")))),
        "{table}"
    );
    assert!(
        doc.attributions
            .iter()
            .any(|a| a.kind == AttributionKind::AccordingTo
                && a.flags.contains(&Flag::TruncatedSource)),
        "{table}"
    );
    // `The same day Bush demanded that …, Russian and Iraqi officials were meeting …, according
    // to a report from RFE/RL`: Bush's demand ends before the main clause; the report holds
    // the whole sentence.
    let bush = find(&doc, "demanded", "Bush");
    assert_eq!(
        bush.content.text, "that Iraq readmit United Nations weapons inspectors",
        "{table}"
    );
    let report = doc
        .attributions
        .iter()
        .find(|b| Some(&b.id) == bush.parent.as_ref())
        .unwrap();
    assert!(
        report
            .content
            .text
            .starts_with("The same day President George W. Bush demanded")
            && report.content.text.ends_with("between Moscow and Baghdad"),
        "{table}"
    );
    // The cut-off frame reports the whole hedged claim, its subject too (the hedged cue's
    // subject is a content piece before its cue, not a source).
    let cut = doc
        .attributions
        .iter()
        .find(|a| a.flags.contains(&Flag::TruncatedSource))
        .unwrap();
    assert_eq!(
        cut.content.text,
        "Iraq is also suspected of receiving uranium originating in Eastern Europe",
        "{table}"
    );
    assert!(
        !doc.attributions
            .iter()
            .any(|a| a.content.text.contains("Bombmaker")),
        "{table}"
    );
    // Hedged claims nobody signs: `Iraq is also suspected of …`, `Iraq is linked with …`.
    for cue in ["suspected", "linked"] {
        assert!(
            doc.attributions.iter().any(|a| a.cue.text.contains(cue)
                && a.source.is_none()
                && a.flags.contains(&Flag::Hedged)
                && a.flags.contains(&Flag::NoSource)),
            "{cue}: {table}"
        );
    }
    // Confidences are probabilities that differ between attributions.
    let conf: Vec<f32> = doc.attributions.iter().map(|a| a.confidence).collect();
    assert!(conf.iter().all(|c| (0.0..=1.0).contains(c)), "{conf:?}");
    assert!(conf.iter().any(|&c| c != conf[0]), "{conf:?}");
    // Every attribution has an id, and parents point at existing attributions.
    for a in &doc.attributions {
        if let Some(p) = &a.parent {
            assert!(doc.attributions.iter().any(|b| &b.id == p));
        }
    }
}

/// What the learned taggers leave empty on the seed, the completion rules fill: the outer
/// `reported` frame, `denied that – … – …`, the fronted `…, Butler noted.`, the BBC's nominal
/// `carried a report that`, and the police (not the country) as the Czech source.
#[test]
fn contents_and_sources_a_reader_expects() {
    let doc = run();
    let table = according_attrib::table::render(&doc);
    let content_of = |cue: &str, source_has: &str| find(&doc, cue, source_has).content.text.clone();
    assert!(
        content_of("reported", "Radio Free Europe")
            .starts_with("Russian Deputy Foreign Minister Alexander Saltanov stated"),
        "{table}"
    );
    assert!(
        content_of("denied", "Ivanov").contains("there was any conclusive evidence"),
        "{table}"
    );
    assert!(
        content_of("noted", "Butler").starts_with("The U.N. Security Council – though hostile"),
        "{table}"
    );
    let bbc = find(&doc, "carried a report", "British Broadcasting Corporation");
    assert!(
        bbc.content
            .text
            .starts_with("that Iraqi intelligence operated a secret base"),
        "{table}"
    );
    assert_eq!(bbc.kind, AttributionKind::Nominal, "{table}");
    let police = find(&doc, "verified", "Czech");
    assert_eq!(
        police.source.as_ref().map(|s| s.text.as_str()),
        Some("police in the Czech Republic"),
        "{table}"
    );
}
