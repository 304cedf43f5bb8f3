//! Confidence calibration: a logistic curve from the cue tagger's margin to the probability
//! that the predicted cue is exactly a gold cue, fitted on held-out gold (PolNeAR dev).

use crate::extractor::Extractor;
use crate::metric::trim;
use crate::polnear;
use according_core::{Doc, Span};
use std::path::Path;

/// `P(correct) = sigmoid(a · margin + b)`.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Logistic regression of `correct` on `margin` (Newton's method, lightly regularised).
pub fn fit(points: &[(f32, bool)]) -> [f32; 2] {
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for _ in 0..50 {
        // Gradient and Hessian of the negative log-likelihood + 1e-3·a².
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (2e-3 * a, 0.0, 2e-3, 0.0, 1e-9);
        for &(x, y) in points {
            let x = f64::from(x.clamp(-50.0, 50.0));
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let d = p - f64::from(u8::from(y));
            ga += d * x;
            gb += d;
            let w = p * (1.0 - p);
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-7 {
            break;
        }
    }
    [a as f32, b as f32]
}

/// (margin, cue exactly right) for every attribution the extractor finds in `dir`.
pub fn points(
    ex: &Extractor,
    dir: &Path,
    prep: &(dyn Fn(&mut Doc) + Sync),
) -> Result<Vec<(f32, bool)>, String> {
    let mut out = Vec::new();
    for a in polnear::read_dir(dir)? {
        let mut doc = Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
        prep(&mut doc);
        let scores = ex.extract_scored(&mut doc);
        let t = |v: &[Span]| -> Vec<Span> { v.iter().filter_map(|&s| trim(&a.text, s)).collect() };
        let gold: Vec<Vec<Span>> = a.attributions.iter().map(|g| t(&g.cue)).collect();
        for (p, s) in doc.attributions.iter().zip(scores) {
            out.push((s, gold.contains(&t(&p.cue.spans))));
        }
    }
    Ok(out)
}

/// Reliability of calibrated confidences: per tenth of the confidence range, the count,
/// mean confidence and share correct; and the Brier score.
pub fn reliability(points: &[(f32, bool)], ab: [f32; 2]) -> String {
    let mut bins = [(0usize, 0.0f64, 0usize); 10];
    let mut brier = 0.0;
    for &(x, y) in points {
        let p = sigmoid(ab[0] * x + ab[1]);
        let k = ((p * 10.0) as usize).min(9);
        bins[k].0 += 1;
        bins[k].1 += f64::from(p);
        bins[k].2 += usize::from(y);
        brier += (f64::from(p) - f64::from(u8::from(y))).powi(2);
    }
    let mut s = String::from("confidence   n   mean  correct\n");
    for (k, (n, sum, ok)) in bins.iter().enumerate() {
        if *n > 0 {
            s.push_str(&format!(
                "{:.1}-{:.1} {:5} {:6.2} {:8.2}\n",
                k as f64 / 10.0,
                (k + 1) as f64 / 10.0,
                n,
                sum / *n as f64,
                *ok as f64 / *n as f64
            ));
        }
    }
    s.push_str(&format!(
        "Brier score {:.3} over {} attributions\n",
        brier / points.len().max(1) as f64,
        points.len()
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_rising_curve() {
        // correct more often at high margins
        let mut pts = Vec::new();
        for i in 0..100 {
            let x = i as f32 / 10.0 - 5.0;
            pts.push((x, (i * 7919) % 100 < i));
        }
        let ab = fit(&pts);
        assert!(ab[0] > 0.0, "{ab:?}");
        assert!(sigmoid(ab[0] * 5.0 + ab[1]) > 0.8);
        assert!(sigmoid(ab[0] * -5.0 + ab[1]) < 0.2);
        assert!(reliability(&pts, ab).contains("Brier"));
    }
}
