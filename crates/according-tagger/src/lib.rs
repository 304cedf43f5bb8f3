//! `according-tagger`: part-of-speech tagging (UPOS and Penn Treebank XPOS) and lemmatization
//! for English, in pure Rust.
//!
//! A greedy left-to-right averaged perceptron predicts one joint `UPOS|XPOS` tag per word from
//! hashed lexical features (word, lowercase, prefixes/suffixes, shape, neighbouring words, the
//! two previous tags, ambiguity classes); frequent unambiguous words are looked up in a tag
//! dictionary. Lemmas come from a (form, XPOS) lexicon with learned suffix rules for unseen
//! words. Trained on UD English EWT + GUM; the model is embedded from `models/tagger.bin`.
//!
//! ```
//! use according_tagger::Tagger;
//! let tagger = Tagger::embedded().unwrap();
//! let tags = tagger.tag(&["The", "minister", "said", "prices", "rose", "."]);
//! assert_eq!(tags[2].upos, "VERB");
//! assert_eq!(tags[2].xpos, "VBD");
//! assert_eq!(tags[2].lemma, "say");
//! assert_eq!(tags[3].lemma, "price");
//! ```
//!
//! As a pipeline stage, [`Tagger`] implements [`according_core::Component`]: it fills `upos`,
//! `xpos` and `lemma` of every token of a segmented `Doc`.

mod bytes;
pub mod clusters;
mod component;
pub mod eval;
mod features;
mod hashing;
mod lemmatizer;
mod lexicon;
mod table;
mod tagger;
pub mod train;
mod trainer;
mod weights;

pub use according_ml::conllu::read_path as read_conllu;
pub use clusters::ClusterOptions;
pub use eval::{evaluate, evaluate_file, Scores};
pub use lemmatizer::Lemmatizer;
pub use lexicon::LexiconOptions;
pub use tagger::{JointTag, Tag, TagScratch, Tagger, FILE_NAME};
pub use train::{standard_cluster_text, standard_files, train, TrainOptions};
