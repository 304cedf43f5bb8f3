//! Hostile input: never a panic or stack overflow, a clear `Err` or a plain result instead.
use according_html::extract;

#[test]
fn empty_and_blank_pages_are_errors() {
    assert!(extract("", None).is_err());
    assert!(extract("   \n\t ", None).is_err());
    assert!(extract("<html></html>", None).is_err());
}

#[test]
fn hundred_thousand_nested_divs_are_refused() {
    let n = 100_000;
    let html = format!(
        "<html><body>{}deep text{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let err = extract(&html, None).unwrap_err();
    assert!(err.contains("nested too deeply"), "{err}");
    // Unclosed, too.
    let err = extract(&"<div>".repeat(n), None).unwrap_err();
    assert!(err.contains("nested too deeply"), "{err}");
}

#[test]
fn moderately_nested_page_is_processed() {
    let n = 300;
    let para = "<p>Officials said the new rules would take effect next spring, after a period of \
                consultation with businesses and residents of the affected districts.</p>";
    let html = format!(
        "<html><body>{}{}{}</body></html>",
        "<div>".repeat(n),
        para.repeat(3),
        "</div>".repeat(n)
    );
    let a = extract(&html, None).unwrap();
    assert!(a.text.contains("take effect next spring"));
}

#[test]
fn huge_page_is_refused() {
    let html = "<p>word </p>".repeat(according_html::guard::MAX_BYTES / 10 + 1);
    let err = extract(&html, None).unwrap_err();
    assert!(err.contains("too large"), "{err}");
}

#[test]
fn large_flat_page_is_processed() {
    // ~750 KB of paragraphs: within limits, must finish and keep text.
    let para =
        "<p>The committee heard evidence from twelve witnesses over three days, and its chair \
                said a report would follow before the end of the year.</p>\n";
    let html = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(5_000)
    );
    let a = extract(&html, None).unwrap();
    assert!(a.text.contains("twelve witnesses"));
}

#[test]
fn garbage_text_does_not_panic() {
    // Deterministic pseudo-random bytes, decoded lossily as a reader would.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let _ = extract(&text, None);
    let _ = extract(
        &format!("<html><body><p>{text}</p></body></html>"),
        Some("not a url"),
    );
    let _ = extract(
        "<<<>>></div></p><p <a href=\"\0\">\u{FFFD}</",
        Some("https://x.example/"),
    );
    let _ = extract(
        "<script type=\"application/ld+json\">{{{{[[[[</script><p>x</p>",
        None,
    );
}
