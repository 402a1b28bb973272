//! AFL target `fix`: see `presslint_fuzz::fix`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        presslint_fuzz::fix(data);
    });
}
