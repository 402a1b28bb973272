//! AFL target `markup`: see `presslint_fuzz::markup`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        presslint_fuzz::markup(data);
    });
}
