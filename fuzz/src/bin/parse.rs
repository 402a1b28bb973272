//! AFL target `parse`: see `presslint_fuzz::parse`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        presslint_fuzz::parse(data);
    });
}
