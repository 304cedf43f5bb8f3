//! `according-ml`: the plumbing shared by the tagger, parser, NER and attribution models.
//!
//! - [`conllu`]: read UD treebanks (words, multiword tokens, `# text`, MISC fields).
//! - [`features`]: deterministic feature hashing (the same id on every run and machine).
//! - [`perceptron`]: an averaged multiclass perceptron over sparse hashed features, trained in
//!   place and frozen into a compact [`perceptron::Weights`] for inference.
//! - [`modelfile`]: a versioned, compressed container for model files, with provenance.
//! - [`huge`]: fixed-size buffers for large lookup tables, on transparent huge pages (Linux).
//!
//! ```
//! use according_ml::{features::FeatureSet, perceptron::Trainer};
//! let mut t = Trainer::new(2);
//! let mut f = FeatureSet::new();
//! for _ in 0..5 {
//!     f.clear(); f.add(&["w", "yes"]); t.train_one(&f.ids, 1);
//!     f.clear(); f.add(&["w", "no"]); t.train_one(&f.ids, 0);
//! }
//! let w = t.finish(0.0);
//! f.clear(); f.add(&["w", "yes"]);
//! assert_eq!(w.predict(&f.ids), 1);
//! ```

pub mod conllu;
pub mod features;
pub mod huge;
pub mod metric;
pub mod modelfile;
pub mod perceptron;
pub mod rng;
