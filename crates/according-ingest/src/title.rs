//! Is the first line of a plain-text article its title? (`Ad sales boost Time Warner profit`
//! then a blank line: yes. A long first sentence ending in a period: no.)

use according_core::Span;

/// Longest title accepted, in characters.
const MAX_TITLE_CHARS: usize = 160;

/// The byte span of the title line (without surrounding whitespace), if the text has one.
pub fn detect_title(text: &str) -> Option<Span> {
    let lead = text.len() - text.trim_start().len();
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[lead..]).map_or(text.len(), |i| lead + i);
    let line = text[lead..line_end].trim_end();
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_TITLE_CHARS || line.split_whitespace().count() > 25 {
        return None;
    }
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    if ends_like_sentence || !line.chars().any(char::is_alphabetic) {
        return None;
    }
    // A sentence fragment starts with a lowercase word; `iTunes now selling…` is a title.
    let first_word = line.split_whitespace().next().unwrap_or("");
    if first_word.chars().any(char::is_lowercase) && !first_word.chars().any(char::is_uppercase) {
        return None;
    }
    // What follows: a blank line then text, or straight away a longer paragraph line.
    let rest = text.get(line_end + 1..).unwrap_or("");
    let next = rest.split('\n').next().unwrap_or("").trim();
    let followed = if next.is_empty() {
        !rest.trim().is_empty()
    } else {
        next.chars().count() > chars || next.ends_with(['.', '!', '?', '"', '”'])
    };
    followed.then(|| Span::new(lead, lead + line.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(t: &str) -> Option<&str> {
        detect_title(t).map(|s| &t[s.start..s.end])
    }

    #[test]
    fn bbc_style_title() {
        let t = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant rose.\n";
        assert_eq!(title(t), Some("Ad sales boost Time Warner profit"));
        assert_eq!(
            title("Is this the end?\nThe long story goes on for a while here.\n"),
            Some("Is this the end?")
        );
        assert_eq!(
            title("iTunes now selling Band Aid song\n\nBody.\n"),
            Some("iTunes now selling Band Aid song")
        );
        assert_eq!(
            title("Rivals of the Apple...\n\nBody.\n"),
            Some("Rivals of the Apple...")
        );
    }

    #[test]
    fn sentence_is_not_a_title() {
        assert_eq!(
            title("The same day the President spoke, officials met in Moscow.\n\nMore.\n"),
            None
        );
        assert_eq!(title("Only a line"), None);
        assert_eq!(title("lowercase start here\n\nBody text.\n"), None);
        assert_eq!(title("Short\nshort\n"), None);
    }
}
