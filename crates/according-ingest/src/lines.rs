//! Reading lines with a length bound: a 100 MB line costs at most `max` bytes of memory.

use std::io::{self, BufRead};

/// One line read by [`read_line_bounded`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line is in the buffer (without its `\n` / `\r\n`).
    Ok,
    /// The line had this many bytes, more than the bound; it was skipped.
    TooLong(u64),
    Eof,
}

/// Read the next line into `buf` (cleared first). A line longer than `max` bytes is read
/// through to its end and dropped. Returns the bytes consumed too (for offsets).
pub fn read_line_bounded<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(Line, u64)> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            if total == 0 {
                return Ok((Line::Eof, 0));
            }
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let content = if done {
            &avail[..take - 1]
        } else {
            &avail[..take]
        };
        if !too_long {
            if buf.len() + content.len() > max {
                too_long = true;
                buf.clear();
                buf.shrink_to(max.min(1 << 20));
            } else {
                buf.extend_from_slice(content);
            }
        }
        total += take as u64;
        r.consume(take);
        if done {
            break;
        }
    }
    if too_long {
        return Ok((Line::TooLong(total), total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok((Line::Ok, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_long_lines() {
        let data = format!("short\r\n{}\nafter", "x".repeat(100));
        let mut r = io::BufReader::with_capacity(16, data.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap().0, Line::Ok);
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_line_bounded(&mut r, &mut buf, 10).unwrap().0,
            Line::TooLong(_)
        ));
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap().0, Line::Ok);
        assert_eq!(buf, b"after");
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 10).unwrap().0,
            Line::Eof
        );
    }
}
