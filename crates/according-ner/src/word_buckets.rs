//! The stored form of a word prior: word hash → small bucket number, written sorted so the
//! model file is reproducible. Used by the capitalisation prior and the typed silver prior.

use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::IdMap;

/// Write `map` sorted by key.
pub(crate) fn write(map: &IdMap<u8>, w: &mut ByteWriter) {
    let mut v: Vec<(u64, u8)> = map.iter().map(|(&k, &b)| (k, b)).collect();
    v.sort_unstable();
    w.u32(v.len() as u32);
    for (k, b) in v {
        w.u64(k);
        w.u8(b);
    }
}

/// Read a map written by [`write`]; a bucket above `max` is an error naming `what`.
pub(crate) fn read(r: &mut ByteReader, max: u8, what: &str) -> Result<IdMap<u8>, String> {
    let n = r.u32()? as usize;
    let mut map = IdMap::default();
    map.reserve(n.min(1 << 22));
    for _ in 0..n {
        let k = r.u64()?;
        let b = r.u8()?;
        if b > max {
            return Err(format!("bad {what} bucket"));
        }
        map.insert(k, b);
    }
    Ok(map)
}
