//! Decoding options the development examples read from the environment (shared by
//! `parser_eval`, `parser_speed` and `eval_tagged` through `#[path]`).
use according_parser::Parser;

/// `PARSER_PRUNE=T,L`: smaller decoding tables (see `Parser::prune_tables`);
/// `PARSER_BEAM=K`: decode with another beam width than the model's;
/// `PARSER_MARGIN=M`: drop beam items more than M (table units) below the best.
pub fn apply(parser: &mut Parser) -> Result<(), String> {
    if let Ok(v) = std::env::var("PARSER_PRUNE") {
        let (t, l) = v.split_once(',').ok_or("PARSER_PRUNE=T,L")?;
        let kept = parser.prune_tables(
            t.parse().map_err(|_| "bad T")?,
            l.parse().map_err(|_| "bad L")?,
        )?;
        println!("tables pruned to {kept:?} rows");
    }
    if let Ok(k) = std::env::var("PARSER_BEAM") {
        parser.set_beam(k.parse().map_err(|_| "bad PARSER_BEAM")?);
    }
    if let Ok(m) = std::env::var("PARSER_MARGIN") {
        parser.set_beam_margin(Some(m.parse().map_err(|_| "bad PARSER_MARGIN")?));
    }
    Ok(())
}
