//! `according-parser`: a labeled dependency parser for English producing Universal
//! Dependencies trees (full relations such as `nsubj:pass`), in pure Rust.
//!
//! Arc-eager transitions with the root at the end of the buffer, greedy decoding, an
//! averaged perceptron over a lean subset of the Zhang & Nivre (2011) rich feature set,
//! trained with the Goldberg & Nivre dynamic oracle on UD English EWT + GUM (non-projective
//! trees lifted; jackknifed tags); relations come from a second perceptron that labels each
//! arc when it is built. Decoding reads the weights from compact cache-line tables (`i8`
//! weights, 16-bit fingerprints matched ten at a time with SIMD, prefetched; each row starts
//! loading as soon as its feature id is computed, and the tables sit on transparent huge
//! pages where Linux allows), each behind a filter of one 64-bit word per bucket that turns
//! away most absent features before their line is read, exactly (a feature it turns away
//! could not have matched any slot); per sentence, the summed
//! scores of templates that read one position's words and tags only are cached per token,
//! those that read a token with its children per token (what is fixed while it is on the
//! stack) or per token and newest child, and arc labels are chosen on exact integer sums.
//! These shortcuts give exactly the trees of the plain scoring path.
//!
//! Uptraining ([`silver`]): the greedy model can also learn from unlabeled news (BBC 2005,
//! PolNeAR train texts) segmented and tagged as at run time and parsed by a beam-search
//! teacher (`according train parser --teacher BEAM_MODEL.bin`).
//!
//! Opt-in beam search: a model trained with `TrainConfig::beam = k > 1` (a global structured
//! perceptron with max-violation updates) records `k` in its file and [`Parser::parse`]
//! keeps the `k` best partial parses; [`Parser::set_beam`] and [`Parser::set_beam_margin`]
//! change the width and prune items far behind the best at decoding time. Greedy models
//! (and files from before beam search) decode greedily, unchanged.
//!
//! ```no_run
//! use according_parser::Parser;
//! let parser = Parser::embedded().unwrap();
//! let tree = parser.parse(&["Officials", "said", "it", "."],
//!                         &["NOUN", "VERB", "PRON", "PUNCT"],
//!                         &["NNS", "VBD", "PRP", "."]);
//! assert_eq!(tree[1], (0, "root"));   // (1-based head, relation); 0 = root
//! ```
//!
//! As a pipeline [`according_core::Component`], the parser reads the tagged tokens of each
//! sentence and writes `head` (document-level token index, `None` for the root) and `deprel`.

mod atoms;
mod beam;
mod component;
mod decode;
pub mod eval;
pub mod example;
mod features;
mod global;
mod model;
mod oracle;
mod projective;
pub mod silver;
mod state;
mod table;
pub mod train;

pub use eval::{evaluate, Scores};
pub use example::{read_examples, Example};
pub use model::{Parser, FEATURE_SET, FILE_NAME};
pub use silver::{build_silver, standard_silver_texts, SilverFilter, SilverStats};
pub use train::{train, TrainConfig};
