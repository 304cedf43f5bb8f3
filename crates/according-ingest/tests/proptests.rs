//! Property tests: WARC round trips and truncations, and arbitrary bytes through every reader
//! without a panic.

mod common;
use according_ingest::{read_stream, WarcReader};
use common::*;
use proptest::prelude::*;

fn record(kind: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn kinds() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "response", "request", "resource", "metadata", "warcinfo",
    ])
}

proptest! {
    #[test]
    fn warc_round_trip(recs in prop::collection::vec((kinds(), prop::collection::vec(any::<u8>(), 0..300)), 0..12)) {
        let data: Vec<u8> = recs.iter().flat_map(|(k, b)| record(k, b)).collect();
        let got: Vec<_> = WarcReader::new(&data[..], 1 << 20).map(|r| r.unwrap()).collect();
        prop_assert_eq!(got.len(), recs.len());
        for (g, (k, b)) in got.iter().zip(&recs) {
            prop_assert_eq!(g.header.record_type(), *k);
            prop_assert_eq!(g.block.as_deref(), Some(&b[..]));
        }
    }

    #[test]
    fn truncated_warc_reads_the_records_before_the_cut(n in 1usize..6, cut in any::<prop::sample::Index>()) {
        let recs: Vec<Vec<u8>> = (0..n).map(|i| record("resource", format!("body {i}").as_bytes())).collect();
        let data: Vec<u8> = recs.concat();
        let cut = cut.index(data.len());
        // A record is complete once its block is (the 4 trailing CR/LF bytes may be cut).
        let block_ends = recs.iter().scan(0, |start, r| { *start += r.len(); Some(*start - 4) });
        let complete = block_ends.filter(|&e| e <= cut).count();
        let got: Vec<_> = WarcReader::new(&data[..cut], 1 << 20).collect();
        let ok = got.iter().filter(|r| r.is_ok()).count();
        prop_assert_eq!(ok, complete);
        prop_assert!(got.iter().filter(|r| r.is_err()).count() <= 1);
    }

    #[test]
    fn any_bytes_any_reader_no_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), name in prop::sample::select(vec!["-", "a.txt", "a.jsonl", "a.html", "a.warc", "a.txt.gz"])) {
        let opts = stub_opts();
        for raw in read_stream(std::io::Cursor::new(bytes), name, &opts).flatten() {
            let _ = raw.finish(&opts);
        }
    }

    #[test]
    fn warc_prefixed_noise_no_panic(noise in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n".to_vec();
        bytes.extend_from_slice(&noise);
        let opts = stub_opts();
        for raw in read_stream(std::io::Cursor::new(bytes), "x.warc", &opts).flatten() {
            let _ = raw.finish(&opts);
        }
    }
}
