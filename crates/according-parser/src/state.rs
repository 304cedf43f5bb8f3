//! The arc-eager transition system (Nivre 2003) with the root token at the *end* of the
//! buffer (Ballesteros & Nivre 2013): every word must be attached, and the root's dependents
//! are attached by Left-Arc once the buffer is empty.
//!
//! Words are indexed `0..n`; index `n` is the artificial root.

/// "No word" in heads and child links.
pub const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Move {
    Shift = 0,
    Reduce = 1,
    /// Arc from the buffer front to the stack top; pops the stack.
    Left = 2,
    /// Arc from the stack top to the buffer front; pushes the buffer front.
    Right = 3,
}

pub const MOVES: [Move; 4] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

/// A parser configuration plus the per-word child summaries the features read.
#[derive(Default, Clone)]
pub struct State {
    pub n: u32,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n` (n = root).
    pub b: u32,
    pub head: Vec<u32>,
    pub label: Vec<u16>,
    /// Leftmost and second-leftmost child; rightmost and second-rightmost child.
    pub lm1: Vec<u32>,
    pub lm2: Vec<u32>,
    pub rm1: Vec<u32>,
    pub rm2: Vec<u32>,
    pub lval: Vec<u8>,
    pub rval: Vec<u8>,
    /// Bit sets of the labels of left / right children.
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
    pub on_stack: Vec<bool>,
}

impl State {
    /// Start state for a sentence of `n` words (buffers are reused).
    pub fn reset(&mut self, n: usize) {
        let m = n + 1;
        self.n = n as u32;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.head,
            &mut self.lm1,
            &mut self.lm2,
            &mut self.rm1,
            &mut self.rm2,
        ] {
            v.clear();
            v.resize(m, NONE);
        }
        self.label.clear();
        self.label.resize(m, 0);
        self.lval.clear();
        self.lval.resize(m, 0);
        self.rval.clear();
        self.rval.resize(m, 0);
        self.lset.clear();
        self.lset.resize(m, 0);
        self.rset.clear();
        self.rset.resize(m, 0);
        self.on_stack.clear();
        self.on_stack.resize(m, false);
    }

    #[inline]
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    #[inline]
    pub fn s1(&self) -> u32 {
        let l = self.stack.len();
        if l >= 2 {
            self.stack[l - 2]
        } else {
            NONE
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    #[inline]
    pub fn is_valid(&self, m: Move) -> bool {
        let s0 = self.s0();
        match m {
            Move::Shift => self.b < self.n,
            Move::Reduce => s0 != NONE && self.head[s0 as usize] != NONE,
            Move::Left => s0 != NONE && self.head[s0 as usize] == NONE,
            Move::Right => s0 != NONE && self.b < self.n,
        }
    }

    /// Apply a valid move; `label` is used by the arc moves.
    pub fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => self.push_buffer_front(),
            Move::Reduce => self.pop(),
            Move::Left => {
                let d = self.s0();
                self.add_arc(self.b, d, label);
                self.pop();
            }
            Move::Right => {
                let h = self.s0();
                self.add_arc(h, self.b, label);
                self.push_buffer_front();
            }
        }
    }

    fn push_buffer_front(&mut self) {
        self.stack.push(self.b);
        self.on_stack[self.b as usize] = true;
        self.b += 1;
    }

    fn pop(&mut self) {
        if let Some(s) = self.stack.pop() {
            self.on_stack[s as usize] = false;
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        let bit = 1u64 << (label as u64 & 63);
        // Children arrive in order of distance from the head (nearest first), so the newest
        // child on a side is the outermost one.
        if d < h {
            self.lm2[hu] = self.lm1[hu];
            self.lm1[hu] = d;
            self.lval[hu] = self.lval[hu].saturating_add(1);
            self.lset[hu] |= bit;
        } else {
            self.rm2[hu] = self.rm1[hu];
            self.rm1[hu] = d;
            self.rval[hu] = self.rval[hu].saturating_add(1);
            self.rset[hu] |= bit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree() {
        // "John saw Mary": saw is root, John <- saw -> Mary.
        let mut s = State::default();
        s.reset(3);
        s.apply(Move::Shift, 0);
        s.apply(Move::Left, 1); // John <- saw
        s.apply(Move::Shift, 0);
        s.apply(Move::Right, 2); // saw -> Mary
        s.apply(Move::Reduce, 0);
        assert!(!s.is_valid(Move::Shift));
        s.apply(Move::Left, 3); // saw <- ROOT
        assert!(s.is_terminal());
        assert_eq!(&s.head[..3], &[1, 3, 1]);
        assert_eq!(s.lm1[1], 0);
        assert_eq!(s.rm1[1], 2);
    }
}
