//! Training-time averaged perceptron with *sparse* rows.
//!
//! `according_ml::perceptron::Trainer` keeps a dense row of `n_classes` floats, sums and stamps
//! for every feature it has seen: with ~100 joint tags and ~10⁶ features that is gigabytes. Here
//! a feature only stores the classes it was actually updated for (a few on average), with the
//! same lazy averaging (Daumé's trick).

use crate::table::U64Table;
use crate::weights::Weights;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    stamp: u32,
    w: f32,
    total: f64,
}

pub struct Trainer {
    n_classes: usize,
    index: U64Table<u32>,
    rows: Vec<Vec<Entry>>,
    now: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            index: U64Table::with_capacity(1 << 16),
            rows: Vec::new(),
            now: 0,
        }
    }

    /// Current (not averaged) scores.
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        for &f in feats {
            if let Some(r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Perceptron update towards `truth`, away from `guess` (no-op when they agree).
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let r = match self.index.get(f) {
                Some(r) => r as usize,
                None => {
                    self.index.insert(f, self.rows.len() as u32);
                    self.rows.push(Vec::with_capacity(2));
                    self.rows.len() - 1
                }
            };
            let now = self.now;
            let row = &mut self.rows[r];
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let e = match row.iter().position(|e| e.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Entry {
                            class: class as u16,
                            stamp: now,
                            w: 0.0,
                            total: 0.0,
                        });
                        row.last_mut().unwrap()
                    }
                };
                e.total += (now - e.stamp) as f64 * e.w as f64;
                e.stamp = now;
                e.w += delta;
            }
        }
    }

    /// Advance the averaging clock by one decision.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// The averaged weights so far, quantised; weights whose magnitude is below `min_abs`
    /// (in perceptron units) are dropped.
    pub fn averaged(&self, min_abs: f32) -> Weights {
        let now = self.now.max(1) as f64;
        let mut rows = Vec::with_capacity(self.rows.len());
        for (key, r) in self.index.iter() {
            let row: Vec<(u8, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| {
                    let t = e.total + (self.now - e.stamp) as f64 * e.w as f64;
                    (e.class as u8, (t / now) as f32)
                })
                .filter(|&(_, w)| w.abs() >= min_abs)
                .collect();
            if !row.is_empty() {
                rows.push((key, row));
            }
        }
        Weights::quantize(self.n_classes, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_data() {
        let mut t = Trainer::new(3);
        let data = [(11u64, 0usize), (22, 1), (33, 2)];
        let mut s = vec![0f32; 3];
        for _ in 0..5 {
            for &(f, y) in &data {
                t.scores(&[f, 99], &mut s);
                let g = according_ml::perceptron::argmax(&s);
                t.update(&[f, 99], y, g);
                t.tick();
            }
        }
        let w = t.averaged(0.0);
        for &(f, y) in &data {
            let mut acc = vec![0i32; 3];
            w.add_scores(&[f, 99], &mut acc);
            let best = (0..3)
                .max_by_key(|&c| (acc[c], std::cmp::Reverse(c)))
                .unwrap();
            assert_eq!(best, y);
        }
        let back = Weights::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(back.n_weights(), w.n_weights());
    }
}
