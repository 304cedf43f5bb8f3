//! Entity types the sequence model learns, and their BILOU encoding.
//!
//! The model learns the three UniversalNER types (PER, ORG, LOC) that the gold data has; the
//! finer output types (GPE, OUTLET, NORP, DATE, FAC) are added afterwards by [`crate::refine`].

/// A type the sequence model predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Per = 0,
    Org = 1,
    Loc = 2,
}

pub const KINDS: [Kind; 3] = [Kind::Per, Kind::Org, Kind::Loc];

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
        }
    }
    pub fn from_index(i: usize) -> Kind {
        KINDS[i.min(2)]
    }
    /// UniversalNER / IOB2 type names (and a few aliases).
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "PER" | "PERSON" | "person" => Some(Kind::Per),
            "ORG" | "organization" | "OUTLET" => Some(Kind::Org),
            "LOC" | "GPE" | "FAC" | "place" => Some(Kind::Loc),
            _ => None,
        }
    }
}

/// A typed token span `[start, end)` within one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Label ids: 0 = O, then for each kind k: B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
pub const N_LABELS: usize = 13;
pub const O: usize = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    B,
    I,
    L,
    U,
}

pub fn label(kind: Kind, pos: Pos) -> usize {
    1 + 4 * kind as usize + pos as usize
}

/// `(kind, position)` of a label, `None` for O.
pub fn split(label: usize) -> Option<(Kind, Pos)> {
    if label == O || label >= N_LABELS {
        return None;
    }
    let k = Kind::from_index((label - 1) / 4);
    let p = match (label - 1) % 4 {
        0 => Pos::B,
        1 => Pos::I,
        2 => Pos::L,
        _ => Pos::U,
    };
    Some((k, p))
}

/// Short label names for feature strings (`O`, `B-PER`, ...).
pub const LABEL_NAMES: [&str; N_LABELS] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC",
];

/// May `next` follow `prev` under BILOU? (`prev = None` at the sentence start.)
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.and_then(split).and_then(|(k, p)| match p {
        Pos::B | Pos::I => Some(k),
        _ => None,
    });
    match (open, split(next)) {
        (Some(k), Some((k2, Pos::I | Pos::L))) => k == k2,
        // Leaving an open span without its `L` is allowed (decoding closes it): greedy
        // decoding must never be forced to run a name on over words that are not names.
        (Some(_), _) => true,
        (None, Some((_, Pos::I | Pos::L))) => false,
        (None, _) => true,
    }
}

/// Encode spans (non-overlapping) as BILOU labels over `n` tokens.
pub fn encode(spans: &[TokenSpan], n: usize) -> Vec<usize> {
    let mut out = vec![O; n];
    for s in spans {
        if s.end > n || s.start >= s.end {
            continue;
        }
        if s.end - s.start == 1 {
            out[s.start] = label(s.kind, Pos::U);
        } else {
            out[s.start] = label(s.kind, Pos::B);
            for x in &mut out[s.start + 1..s.end - 1] {
                *x = label(s.kind, Pos::I);
            }
            out[s.end - 1] = label(s.kind, Pos::L);
        }
    }
    out
}

/// Decode labels into spans, leniently: an unclosed or type-switching run still yields a span.
pub fn decode(labels: &[usize]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match split(l) {
            None => {
                if let Some((s, k)) = open.take() {
                    out.push(TokenSpan {
                        start: s,
                        end: i,
                        kind: k,
                    });
                }
            }
            Some((k, p)) => {
                let continues = matches!(p, Pos::I | Pos::L) && open.is_some_and(|(_, k0)| k0 == k);
                if !continues {
                    if let Some((s, k0)) = open.take() {
                        out.push(TokenSpan {
                            start: s,
                            end: i,
                            kind: k0,
                        });
                    }
                    open = Some((i, k));
                }
                if matches!(p, Pos::L | Pos::U) {
                    let (s, k0) = open.take().unwrap_or((i, k));
                    out.push(TokenSpan {
                        start: s,
                        end: i + 1,
                        kind: k0,
                    });
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(TokenSpan {
            start: s,
            end: labels.len(),
            kind: k,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_constraints() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 2,
                kind: Kind::Per,
            },
            TokenSpan {
                start: 3,
                end: 4,
                kind: Kind::Loc,
            },
            TokenSpan {
                start: 4,
                end: 7,
                kind: Kind::Org,
            },
        ];
        let l = encode(&spans, 8);
        assert_eq!(decode(&l), spans);
        assert!(allowed(None, label(Kind::Per, Pos::B)));
        assert!(!allowed(None, label(Kind::Per, Pos::I)));
        assert!(!allowed(
            Some(label(Kind::Per, Pos::B)),
            label(Kind::Org, Pos::L)
        ));
        assert!(allowed(Some(label(Kind::Per, Pos::B)), O));
        assert!(allowed(
            Some(label(Kind::Per, Pos::L)),
            label(Kind::Org, Pos::U)
        ));
        // Lenient decoding of an unclosed run.
        let bad = vec![label(Kind::Org, Pos::B), label(Kind::Org, Pos::I)];
        assert_eq!(
            decode(&bad),
            vec![TokenSpan {
                start: 0,
                end: 2,
                kind: Kind::Org
            }]
        );
    }
}
