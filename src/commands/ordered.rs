//! Work over many inputs on the thread pool, results handed out in the inputs' order.
//!
//! The inputs go through in windows of a few dozen files per thread: a window is worked on in
//! parallel, then its results are handed to the sink in order and dropped. So memory holds one
//! window whatever the number of files, and the output does not depend on the threads.

use rayon::prelude::*;

/// Files per thread in a window: enough that the threads rarely wait for the slowest file of
/// a window, few enough that a window of large releases stays small.
const FILES_PER_THREAD: usize = 128;

/// Runs `work` on every item (on `threads` threads) and gives each result to `sink`, in the
/// items' order; stops at the sink's first error.
pub fn for_each_in_order<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    if threads <= 1 {
        return items.iter().try_for_each(|item| sink(work(item)));
    }
    for window in items.chunks(threads * FILES_PER_THREAD) {
        let results: Vec<R> = window.par_iter().map(&work).collect();
        results.into_iter().try_for_each(&mut sink)?;
    }
    Ok(())
}

/// The number of threads a run uses: `--threads`, else one per core.
pub fn threads(requested: Option<usize>) -> usize {
    requested.filter(|&n| n > 0).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(std::num::NonZeroUsize::get)
            .unwrap_or(1)
    })
}

/// Sizes rayon's pool (once per process; a later call keeps the first size).
pub fn configure_pool(threads: usize) {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3] {
            let mut seen = Vec::new();
            for_each_in_order(
                &items,
                threads,
                |i| i * 2,
                |r| {
                    seen.push(r);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_first_sink_error_stops_the_run() {
        let items: Vec<usize> = (0..500).collect();
        let mut seen = 0;
        let result = for_each_in_order(
            &items,
            2,
            |i| *i,
            |i| {
                seen += 1;
                if i == 70 {
                    Err(i)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err(70));
        assert_eq!(seen, 71);
    }
}
