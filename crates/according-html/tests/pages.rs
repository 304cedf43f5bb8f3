//! Behaviour on small hand-made pages: metadata sources and boilerplate removal.
use according_html::extract;

const BODY: &str =
    "<p>The city council voted on Monday to close the old bridge to traffic, the mayor \
said, after engineers found cracks in two of its supporting piers last month.</p>\
<p>Repairs are expected to take at least a year, according to a report prepared for the council \
by the regional transport agency and published on its website.</p>\
<p>Residents who cross the river every day will have to use the ferry or a detour of twelve \
kilometres, which local shop owners fear will keep customers away.</p>";

fn page(head: &str, body_extra: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en-GB\"><head>{head}</head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>\
         <li><a href=\"/sport\">Sport</a></li></ul></nav>\
         <script>var tracking = 'SCRIPT_MARKER';</script><style>.x{{content:'STYLE_MARKER'}}</style>\
         <article><h1>Old bridge to close</h1>{body_extra}{BODY}</article>\
         <footer>Copyright 2019 Riverside Gazette. All rights reserved.</footer></body></html>"
    )
}

#[test]
fn json_ld_gives_title_authors_date_site() {
    let head = r#"<title>Old bridge to close | Riverside Gazette</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Not this"},
        {"@type":"NewsArticle","headline":"Old bridge to close after cracks found",
         "datePublished":"2019-11-19T08:30:00-05:00",
         "author":[{"@type":"Person","name":"Maria Lopez"},{"@type":"Person","name":"Tom Reed"}],
         "publisher":{"@type":"Organization","name":"Riverside Gazette"}}]}</script>"#;
    let a = extract(&page(head, ""), Some("https://gazette.example/bridge")).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Old bridge to close after cracks found")
    );
    assert_eq!(a.authors, vec!["Maria Lopez", "Tom Reed"]);
    assert_eq!(a.published.as_deref(), Some("2019-11-19T08:30:00-05:00"));
    assert_eq!(a.site.as_deref(), Some("Riverside Gazette"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
}

#[test]
fn meta_tags_give_metadata_when_no_json_ld() {
    let head = r#"<title>Old bridge to close</title>
      <meta property="og:title" content="Old bridge to close">
      <meta property="og:site_name" content="Riverside Gazette">
      <meta name="author" content="By Maria Lopez">
      <meta property="article:published_time" content="2019-11-19">"#;
    let a = extract(&page(head, ""), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Old bridge to close"));
    assert_eq!(a.authors, vec!["Maria Lopez"]);
    assert_eq!(a.published.as_deref(), Some("2019-11-19"));
    assert_eq!(a.site.as_deref(), Some("Riverside Gazette"));
}

#[test]
fn time_element_is_a_date_fallback() {
    let a = extract(
        &page(
            "<title>Bridge</title>",
            r#"<time datetime="2019-11-19T10:00:00Z">19 Nov</time>"#,
        ),
        None,
    )
    .unwrap();
    assert_eq!(a.published.as_deref(), Some("2019-11-19T10:00:00+00:00"));
}

#[test]
fn text_keeps_paragraphs_and_drops_headline_script_style_nav_footer() {
    let a = extract(&page("<title>Old bridge to close</title>", ""), None).unwrap();
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3, "{:?}", a.text);
    assert!(paragraphs[0].starts_with("The city council voted"));
    assert!(paragraphs[2].ends_with("keep customers away."));
    for junk in [
        "SCRIPT_MARKER",
        "STYLE_MARKER",
        "Home",
        "Sport",
        "Copyright",
    ] {
        assert!(!a.text.contains(junk), "{junk} in {:?}", a.text);
    }
}

#[test]
fn implausible_authors_and_dates_are_dropped() {
    let head = r#"<title>Bridge</title>
      <meta name="author" content="https://www.facebook.com/gazette">
      <meta property="article:published_time" content="not a date">"#;
    let a = extract(&page(head, ""), None).unwrap();
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert_eq!(a.published, None);
}
