//! Averaging perceptrons trained with different shuffling seeds. The scores are linear in the
//! weights, so the averaged model scores every decision as the mean of its members' scores:
//! a greedy ensemble at the cost of one model, which smooths out what one shuffle order
//! happened to learn (about 1.4 F1 between seeds on the tuning set).

use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::Weights;
use std::collections::BTreeMap;

/// The mean of `members` (a feature missing from a member weighs 0 there), quantised to i16
/// again; `None` for no members or members with different class counts.
pub fn average(members: &[Weights]) -> Option<Weights> {
    let n = members.first()?.n_classes();
    if members.iter().any(|m| m.n_classes() != n) {
        return None;
    }
    let k = members.len() as f32;
    let mut sum: BTreeMap<u64, Vec<f32>> = BTreeMap::new();
    for m in members {
        let scale = m.scale();
        for (id, row) in m.rows() {
            let acc = sum.entry(id).or_insert_with(|| vec![0.0; n]);
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += w as f32 * scale / k;
            }
        }
    }
    let max = sum.values().flatten().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 {
        max / i16::MAX as f32
    } else {
        1.0
    };
    // Serialised as `Weights::write` lays them out, then read back: `Weights` has no public
    // constructor from rows.
    let mut w = ByteWriter::default();
    w.u32(n as u32);
    w.u32(sum.len() as u32);
    w.f32(scale);
    for &id in sum.keys() {
        w.u64(id);
    }
    for row in sum.values() {
        for x in row {
            w.i16((x / scale).round() as i16);
        }
    }
    Weights::read(&mut ByteReader::new(&w.into_inner())).ok()
}

/// `w` without the rows whose largest weight is below `min_abs` (in the weights' own units),
/// quantised as before. Averaging keeps every feature any member kept, at a third of its
/// weight when only one did: many such rows change few decisions and cost load time.
pub fn prune(w: &Weights, min_abs: f32) -> Weights {
    let scale = w.scale();
    let kept: Vec<(u64, &[i16])> = w
        .rows()
        .filter(|(_, row)| row.iter().any(|&x| (x as f32 * scale).abs() >= min_abs))
        .collect();
    let mut out = ByteWriter::default();
    out.u32(w.n_classes() as u32);
    out.u32(kept.len() as u32);
    out.f32(scale);
    for (id, _) in &kept {
        out.u64(*id);
    }
    for (_, row) in &kept {
        for &x in *row {
            out.i16(x);
        }
    }
    Weights::read(&mut ByteReader::new(&out.into_inner())).expect("weights just written")
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_ml::perceptron::Trainer;

    fn trained(truth: usize) -> Weights {
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            t.update(&[7], truth, 1.0);
            t.update(&[7], 1 - truth, -1.0);
            t.tick();
        }
        t.finish(0.0)
    }

    #[test]
    fn mean_of_scores() {
        let (a, b) = (trained(0), trained(1));
        let both = average(&[a.clone(), a.clone(), b.clone()]).unwrap();
        let (mut sa, mut sm) = (Vec::new(), Vec::new());
        a.scores(&[7], &mut sa);
        both.scores(&[7], &mut sm);
        // Two votes for class 0, one for class 1.
        assert_eq!(both.predict(&[7]), 0);
        assert!(sm[0] > sm[1]);
        assert!(sm[0] < sa[0]);
        assert!(average(&[]).is_none());
        // Pruning above every weight leaves nothing; at zero, everything.
        assert_eq!(prune(&both, 1e9).n_features(), 0);
        assert_eq!(prune(&both, 0.0).n_features(), both.n_features());
    }
}
