//! Dynamic oracle for arc-eager (Goldberg & Nivre 2012, 2013): the cost of a move is the
//! number of gold arcs that become unreachable by taking it. Exact for projective gold trees,
//! which is why training trees are projectivized first ([`crate::projective`]).

use crate::state::{Move, State, NONE};

/// Gold heads (root = `n`) with each word's gold dependents, for fast cost queries.
pub struct Gold<'a> {
    pub head: &'a [u32],
}

impl Gold<'_> {
    /// Cost of `m` in `st` (the move must be valid).
    pub fn cost(&self, st: &State, m: Move) -> u32 {
        let n = st.n;
        let b = st.b;
        let s0 = st.s0();
        let gh = self.head;
        // Gold dependents of `x` still in the buffer (positions >= from, root excluded).
        let deps_in_buffer = |x: u32, from: u32| -> u32 {
            (from..n).filter(|&k| gh[k as usize] == x).count() as u32
        };
        // Headless stack words whose gold head is `x`.
        let headless_stack_deps = |x: u32| -> u32 {
            st.stack
                .iter()
                .filter(|&&d| st.head[d as usize] == NONE && gh[d as usize] == x)
                .count() as u32
        };
        match m {
            Move::Left => {
                let h = gh[s0 as usize];
                let lost_head = (h != b && h > b && h != NONE) as u32;
                lost_head + deps_in_buffer(s0, b)
            }
            Move::Right => {
                let h = gh[b as usize];
                let lost_head = (h != s0 && (h > b || (h < n && st.on_stack[h as usize]))) as u32;
                lost_head + headless_stack_deps(b)
            }
            Move::Reduce => deps_in_buffer(s0, b),
            Move::Shift => {
                let h = gh[b as usize];
                let lost_head = (h < n && st.on_stack[h as usize]) as u32;
                lost_head + headless_stack_deps(b)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MOVES;

    /// Following zero-cost moves from the start reproduces any projective tree.
    fn reproduces(gold: &[u32]) {
        let g = Gold { head: gold };
        let mut st = State::default();
        st.reset(gold.len());
        while !st.is_terminal() {
            let m = MOVES
                .iter()
                .copied()
                .find(|&m| st.is_valid(m) && g.cost(&st, m) == 0)
                .expect("a zero-cost move exists");
            st.apply(m, 0);
        }
        assert_eq!(&st.head[..gold.len()], gold);
    }

    #[test]
    fn zero_cost_paths_reach_gold() {
        reproduces(&[1, 3, 1]);
        // "the big dog barked loudly ." root = barked(3); n = 6
        reproduces(&[2, 2, 3, 6, 3, 3]);
        reproduces(&[1, 4, 1, 2]);
    }

    #[test]
    fn wrong_moves_cost() {
        let gold = [1u32, 3, 1];
        let g = Gold { head: &gold };
        let mut st = State::default();
        st.reset(3);
        st.apply(Move::Shift, 0);
        // John -> saw (Right) loses saw's real head? It makes saw a dependent of John.
        assert!(g.cost(&st, Move::Right) > 0);
        assert_eq!(g.cost(&st, Move::Left), 0);
    }
}
