//! Projectivization by lifting (Nivre & Nilsson 2005, without the label encoding): while a
//! tree has a non-projective arc, reattach the dependent of the shortest one to its
//! grandparent. Arc-eager can only build projective trees, and its dynamic oracle is exact
//! only for them, so training trees go through this first.

/// Heads use `n` (= `heads.len()`) for the root. Returns `None` if the heads are not a tree.
pub fn projectivize(heads: &[u32]) -> Option<Vec<u32>> {
    let n = heads.len() as u32;
    if !is_tree(heads) {
        return None;
    }
    let mut h = heads.to_vec();
    loop {
        let mut shortest: Option<(u32, usize)> = None;
        for d in 0..h.len() {
            let hd = h[d];
            if hd == n {
                continue;
            }
            let (lo, hi) = if (d as u32) < hd {
                (d as u32, hd)
            } else {
                (hd, d as u32)
            };
            let span = hi - lo;
            if shortest.is_some_and(|(s, _)| s <= span) {
                continue;
            }
            if ((lo + 1)..hi).any(|k| !dominates(&h, hd, k)) {
                shortest = Some((span, d));
            }
        }
        match shortest {
            Some((_, d)) => h[d] = h[h[d] as usize],
            None => return Some(h),
        }
    }
}

/// Is `a` an ancestor of (or equal to) `k`?
fn dominates(h: &[u32], a: u32, mut k: u32) -> bool {
    let n = h.len() as u32;
    for _ in 0..=h.len() {
        if k == a {
            return true;
        }
        if k >= n {
            return false;
        }
        k = h[k as usize];
    }
    false
}

/// Every word reaches the root without a cycle, and exactly one word hangs on the root.
pub fn is_tree(h: &[u32]) -> bool {
    let n = h.len() as u32;
    if h.iter().any(|&x| x > n) || h.iter().filter(|&&x| x == n).count() != 1 {
        return false;
    }
    (0..n).all(|k| dominates(h, n, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifts_crossing_arcs() {
        // 0->2 crosses 1->3: word 1's head is 3, word 0's head 2; root = 3 (n = 4).
        // 0 <- 2 spans word 1, which hangs on 3, not dominated by 2: lift 0 to 2's head.
        let h = vec![2, 3, 3, 4];
        let p = projectivize(&h).unwrap();
        assert_eq!(p, vec![3, 3, 3, 4]);
        assert_eq!(projectivize(&[1, 4, 1, 2]).unwrap(), vec![1, 4, 1, 2]);
        assert!(projectivize(&[1, 0]).is_none());
    }
}
