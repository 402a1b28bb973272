//! AFL target `config`: see `presslint_fuzz::config`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = presslint_fuzz::config(data);
    });
}
