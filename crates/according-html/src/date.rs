//! Publication dates to ISO 8601.
use chrono::{DateTime, NaiveDate, NaiveDateTime};

const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S %z",
];
const NAIVE_DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y%m%dT%H%M%S",
];
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %b %d, %Y",
    "%d.%m.%Y",
];

/// Normalise a date string to ISO 8601 (`YYYY-MM-DDTHH:MM:SS±HH:MM`, or `YYYY-MM-DD` when only
/// the day is known). `None` when it cannot be read or the year is implausible.
pub fn to_iso8601(raw: &str) -> Option<String> {
    let s = raw.trim().trim_end_matches(['.', ',']);
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return plausible(d.date_naive()).then(|| d.to_rfc3339());
    }
    // "2019-11-19 10:00:00 UTC" and kin: make the zone an offset the formats below read.
    let s = s
        .strip_suffix(" UTC")
        .or_else(|| s.strip_suffix(" GMT"))
        .map_or_else(|| s.to_string(), |t| format!("{t}+00:00"));
    let s = s.as_str();
    let out = if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        Some((d.date_naive(), d.to_rfc3339()))
    } else if let Some(d) = DATETIME_FORMATS
        .iter()
        .find_map(|f| DateTime::parse_from_str(s, f).ok())
    {
        Some((d.date_naive(), d.to_rfc3339()))
    } else if let Some(d) = NAIVE_DATETIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    {
        Some((d.date(), d.format("%Y-%m-%dT%H:%M:%S").to_string()))
    } else if let Some(d) = DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
    {
        Some((d, d.format("%Y-%m-%d").to_string()))
    } else {
        // A leading `YYYY-MM-DD` followed by something unreadable still gives the day.
        s.get(..10)
            .and_then(|h| NaiveDate::parse_from_str(h, "%Y-%m-%d").ok())
            .map(|d| (d, d.format("%Y-%m-%d").to_string()))
    };
    out.filter(|(d, _)| plausible(*d)).map(|(_, iso)| iso)
}

fn plausible(d: NaiveDate) -> bool {
    (1990..=2100).contains(&chrono::Datelike::year(&d))
}

#[cfg(test)]
mod tests {
    use super::to_iso8601;

    #[test]
    fn reads_common_forms() {
        assert_eq!(
            to_iso8601("2019-11-19T10:20:00Z").as_deref(),
            Some("2019-11-19T10:20:00+00:00")
        );
        assert_eq!(
            to_iso8601("2019-11-19T10:20:00.000-0500").as_deref(),
            Some("2019-11-19T10:20:00-05:00")
        );
        assert_eq!(
            to_iso8601("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-19T10:00:00+00:00")
        );
        assert_eq!(
            to_iso8601("November 19, 2019").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            to_iso8601("2019-11-19 something").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(to_iso8601("yesterday"), None);
        assert_eq!(to_iso8601("0001-01-01"), None);
    }
}
