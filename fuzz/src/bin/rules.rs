//! AFL target `rules`: see `presslint_fuzz::rules`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = presslint_fuzz::rules(data);
    });
}
