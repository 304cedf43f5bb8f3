//! What the words of a source say about it, one source per line of standard input (no
//! recogniser mentions, no document): name, role, affiliation, type.
//! `echo "the BBC's Louisa Lim in Beijing" | cargo run --release -p according-attrib --example source_info`
use according_attrib::sources::analyze;
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let i = analyze(&line);
        println!(
            "{line}\n  name {:?} ({:?}) role {:?} affiliation {:?}{}{}",
            i.name,
            i.kind,
            i.role,
            i.affiliation,
            if i.unnamed { " unnamed" } else { "" },
            if i.speaks_for { " speaks_for" } else { "" },
        );
    }
}
