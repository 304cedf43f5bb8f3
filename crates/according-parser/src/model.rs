//! The trained parser: label inventory, transition weights and labeler weights, stored in an
//! `according-ml` model file (`kind = "parser"`).

use crate::beam::parse_beam;
use crate::decode::{parse_greedy, Score, Scratch, Uncached};
use crate::table::{RowTable, Table4};
use according_ml::modelfile::{ByteReader, ByteWriter, ModelFile};
use according_ml::perceptron::Weights;
use std::cell::RefCell;
use std::path::Path;

pub const KIND: &str = "parser";
pub const FORMAT_VERSION: u32 = 1;
/// Name of the feature templates a model was trained with; a model is refused by a build
/// whose templates differ (the weights would silently mean something else).
pub const FEATURE_SET: &str = "zn2011-lean+s1+tag-backoff/2";
/// Transition rows whose largest weight is below this many `i16` quantisation steps are
/// dropped when a model is built (no loss on dev, 17% fewer rows: a smaller, faster table).
pub const TRANS_MIN_ABS: i16 = 600;
/// The same for the labeler (dev LAS -0.03, a third fewer rows).
pub const LABELER_MIN_ABS: i16 = 2000;
/// File name inside a `--model DIR`.
pub const FILE_NAME: &str = "parser.bin";

pub struct Parser {
    /// Interned, so a parsed token borrows its relation's name.
    pub(crate) labels: Vec<&'static str>,
    pub(crate) root: u16,
    pub(crate) trans: Weights,
    /// The same transition weights in a cache-friendly layout for decoding.
    pub(crate) trans_table: Table4,
    pub(crate) labeler: Weights,
    pub(crate) labeler_table: RowTable,
    pub(crate) provenance: serde_json::Value,
    /// Beam width used by [`Parser::parse`]: 1 = greedy. Read from the model file's
    /// provenance (`beam`; files from before beam search have none and are greedy).
    pub(crate) beam: usize,
    /// Beam decoding drops items this far below the best, in decoding-table score units
    /// (provenance `beam_margin`; infinite when absent: a plain beam).
    pub(crate) beam_margin: f64,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Parser {
    pub(crate) fn new(
        labels: Vec<String>,
        trans: Weights,
        labeler: Weights,
        provenance: serde_json::Value,
    ) -> Result<Parser, String> {
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or("parser model has no `root` label")? as u16;
        if trans.n_classes() != 4 {
            return Err(format!(
                "transition weights have {} classes, expected 4",
                trans.n_classes()
            ));
        }
        if labeler.n_classes() != labels.len() || labels.len() < 2 || labels.len() > 64 {
            return Err(format!(
                "labeler has {} classes for {} labels",
                labeler.n_classes(),
                labels.len()
            ));
        }
        let trans = prune(trans, TRANS_MIN_ABS)?;
        let labeler = prune(labeler, LABELER_MIN_ABS)?;
        let trans_table = Table4::from_weights(&trans, 0)?;
        let labeler_table = RowTable::from_weights(&labeler, 0)?;
        let beam = match provenance.get("beam") {
            None => 1,
            Some(v) => v
                .as_u64()
                .filter(|&k| (1..=64).contains(&k))
                .ok_or_else(|| format!("parser model has an unusable beam width {v}"))?
                as usize,
        };
        let beam_margin = match provenance.get("beam_margin") {
            None => f64::INFINITY,
            Some(v) => v
                .as_f64()
                .filter(|m| *m >= 0.0)
                .ok_or_else(|| format!("parser model has an unusable beam margin {v}"))?,
        };
        Ok(Parser {
            labels: labels
                .iter()
                .map(|l| according_core::intern::intern(l))
                .collect(),
            root,
            trans,
            trans_table,
            labeler,
            labeler_table,
            provenance,
            beam,
            beam_margin,
        })
    }

    /// The model committed in `models/parser.bin`, trained on UD English EWT + GUM.
    pub fn embedded() -> Result<Parser, String> {
        Parser::from_bytes(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/parser.bin"
        )))
        .map_err(|e| format!("embedded parser model: {e}"))
    }

    /// Load `path`; if it is a directory, `path/parser.bin`.
    pub fn load(path: &Path) -> Result<Parser, String> {
        let file = if path.is_dir() {
            path.join(FILE_NAME)
        } else {
            path.to_path_buf()
        };
        let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Parser::from_bytes(&data).map_err(|e| format!("{}: {e}", file.display()))
    }

    pub fn from_bytes(data: &[u8]) -> Result<Parser, String> {
        let mf = ModelFile::from_bytes(data, KIND, FORMAT_VERSION)?;
        let fs = mf
            .header
            .provenance
            .get("feature_set")
            .and_then(|v| v.as_str());
        if fs != Some(FEATURE_SET) {
            return Err(format!(
                "parser model uses feature set {fs:?}, this build computes `{FEATURE_SET}`"
            ));
        }
        let labels = ByteReader::new(mf.section("labels")?).strs()?;
        let trans = Weights::read(&mut ByteReader::new(mf.section("transitions")?))?;
        let labeler = Weights::read(&mut ByteReader::new(mf.section("labeler")?))?;
        Parser::new(labels, trans, labeler, mf.header.provenance)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut mf = ModelFile::new(KIND, FORMAT_VERSION, self.provenance.clone());
        let mut w = ByteWriter::default();
        w.strs(
            &self
                .labels
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>(),
        );
        mf.add("labels", w.into_inner());
        let mut w = ByteWriter::default();
        self.trans.write(&mut w);
        mf.add("transitions", w.into_inner());
        let mut w = ByteWriter::default();
        self.labeler.write(&mut w);
        mf.add("labeler", w.into_inner());

        mf.to_bytes()
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        std::fs::write(path, self.to_bytes()).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Drop, from the decoding tables only, rows whose largest weight is below `min_abs`
    /// quantisation steps (development: the speed/accuracy trade-off of a smaller table
    /// without retraining). Returns the rows kept.
    pub fn prune_tables(
        &mut self,
        min_abs_trans: i16,
        min_abs_labeler: i16,
    ) -> Result<(usize, usize), String> {
        self.trans_table = Table4::from_weights(&self.trans, min_abs_trans)?;
        self.labeler_table = RowTable::from_weights(&self.labeler, min_abs_labeler)?;
        Ok((self.trans_table.len(), self.labeler_table.len()))
    }

    /// Beam width of [`Parser::parse`] (1 = greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// Decode with another beam width than the model was trained with (1 = greedy; e.g. a
    /// model trained with a beam of 8 decoded with 4 for speed). Clamped to 1..=64.
    pub fn set_beam(&mut self, k: usize) {
        self.beam = k.clamp(1, 64);
    }

    /// Drop beam items more than `margin` below the best item (decoding-table score units;
    /// `None`: keep all `k`). Most steps then carry one item, at nearly greedy cost.
    pub fn set_beam_margin(&mut self, margin: Option<f64>) {
        self.beam_margin = margin.filter(|m| *m >= 0.0).unwrap_or(f64::INFINITY);
    }

    /// Dependency relations the model can assign.
    pub fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// Record one more provenance fact (training data, scores) before saving.
    pub fn with_provenance(mut self, key: &str, value: serde_json::Value) -> Parser {
        if let Some(map) = self.provenance.as_object_mut() {
            map.insert(key.to_string(), value);
        }
        self
    }

    /// Training data, settings and scores recorded in the model file.
    pub fn provenance(&self) -> &serde_json::Value {
        &self.provenance
    }

    /// Parse one sentence: per word, its head (1-based, 0 = root) and relation.
    /// `upos`/`xpos` should have one tag per word (missing tags count as unknown).
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<(u32, &'static str)> {
        self.parse_with(
            &self.trans_table,
            &self.labeler_table,
            self.decoder(),
            words,
            upos,
            xpos,
        )
    }

    /// Parse through the beam search code even at width 1 (tests: at `k = 1` it must give
    /// exactly the greedy parse).
    #[doc(hidden)]
    pub fn parse_beam_search(
        &self,
        k: usize,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
    ) -> Vec<(u32, &'static str)> {
        self.parse_with(
            &self.trans_table,
            &self.labeler_table,
            Some((k.clamp(1, 64), f64::INFINITY)),
            words,
            upos,
            xpos,
        )
    }

    /// [`Parser::parse`] through the generic scoring path (no cache of static transition
    /// scores, labels chosen on `f32` scores): the reference the fast decoder must match
    /// exactly (tests and benchmarks only).
    #[doc(hidden)]
    pub fn parse_uncached(
        &self,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
    ) -> Vec<(u32, &'static str)> {
        self.parse_with(
            &Uncached(&self.trans_table),
            &Uncached(&self.labeler_table),
            self.decoder(),
            words,
            upos,
            xpos,
        )
    }

    /// The beam width and margin to decode with, `None` for the greedy decoder.
    fn decoder(&self) -> Option<(usize, f64)> {
        (self.beam > 1).then_some((self.beam, self.beam_margin))
    }

    fn parse_with<T: Score, L: Score>(
        &self,
        trans: &T,
        labeler: &L,
        beam: Option<(usize, f64)>,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
    ) -> Vec<(u32, &'static str)> {
        if words.is_empty() {
            return Vec::new();
        }
        SCRATCH.with(|sc| {
            let mut sc = sc.borrow_mut();
            sc.atoms.fill(words, upos, xpos);
            match beam {
                Some(k) => parse_beam(trans, labeler, self.root, k, &mut sc),
                None => parse_greedy(trans, labeler, self.root, &mut sc),
            }
            let n = words.len() as u32;
            (0..words.len())
                .map(|i| {
                    let h = sc.st.head[i];
                    let head = if h >= n { 0 } else { h + 1 };
                    let label = self
                        .labels
                        .get(sc.st.label[i] as usize)
                        .map_or("dep", |l| *l);
                    (head, label)
                })
                .collect()
        })
    }
}

/// `w` without the rows whose weights are all below `min_abs` (in the same `Weights` format).
pub(crate) fn prune(w: Weights, min_abs: i16) -> Result<Weights, String> {
    let keep = |r: &[i16]| r.iter().any(|&x| x.unsigned_abs() >= min_abs as u16);
    let kept = w.rows().filter(|(_, r)| keep(r)).count();
    if kept == w.n_features() {
        return Ok(w);
    }
    // The `according-ml` weights format: classes, rows, scale, keys, then the rows.
    let mut out = ByteWriter::default();
    out.u32(w.n_classes() as u32);
    out.u32(kept as u32);
    out.f32(w.scale());
    for (k, _) in w.rows().filter(|(_, r)| keep(r)) {
        out.u64(k);
    }
    for (_, r) in w.rows().filter(|(_, r)| keep(r)) {
        for &x in r {
            out.i16(x);
        }
    }
    Weights::read(&mut ByteReader::new(&out.into_inner()))
}
