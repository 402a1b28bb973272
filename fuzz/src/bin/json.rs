//! AFL target `json`: see `presslint_fuzz::json`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        presslint_fuzz::json(data);
    });
}
