//! Work over many inputs on several threads, results handed out in the inputs' order.
//!
//! Each worker takes the next input by itself (an atomic counter), so the threads never wait
//! for one another. The calling thread is one of the workers: between its own items it puts
//! the results back in order and hands each to the sink as soon as all before it are in, and
//! it sleeps only when nothing is left to take. (A calling thread that only waited for
//! results would be woken once per file, taking a core from the workers on every wake.) A
//! worker that would get more than a bounded lookahead past the sink waits, so memory holds
//! a few dozen results whatever the number of files (one slow file cannot make the others
//! pile up), and the output does not depend on the threads.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// How far past the sink, in files per thread, a worker may run: enough that a slow file
/// rarely stalls the others, few enough that the waiting results stay small.
const LOOKAHEAD_PER_THREAD: usize = 32;

/// Runs `work` on every item (on `threads` threads, the calling one included) and gives each
/// result to `sink`, in the items' order; stops at the sink's first error.
pub fn for_each_in_order<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    for_each_index_in_order(items.len(), threads, |i| work(&items[i]), sink)
}

/// [`for_each_in_order`] over the indices `0..count` (a worker that needs an item's index
/// gets it without a list of indices as long as the items).
pub fn for_each_index_in_order<R, E>(
    count: usize,
    threads: usize,
    work: impl Fn(usize) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    R: Send,
{
    if threads <= 1 || count <= 1 {
        return (0..count).try_for_each(|i| sink(work(i)));
    }
    let lookahead = threads * LOOKAHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    let gate = Gate::default();
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel::<(usize, R)>();
        for _ in 1..threads.min(count) {
            let sender = sender.clone();
            let (next, gate, work) = (&next, &gate, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count || !gate.wait_for_room(i, lookahead) {
                    break;
                }
                if sender.send((i, work(i))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut ready = InOrder::default();
        let outcome = loop {
            ready.extend(results.try_iter());
            if let Err(error) = ready.flush(&mut sink, &gate) {
                break Err(error);
            }
            if ready.handed_out == count {
                break Ok(());
            }
            let limit = count.min(ready.handed_out + lookahead);
            if let Ok(i) = next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |i| {
                (i < limit).then_some(i + 1)
            }) {
                ready.waiting.insert(i, work(i));
            } else if let Ok(result) = results.recv() {
                ready.extend([result]);
            } else {
                // Every worker has stopped: what is left was taken here and is waiting.
                break ready.flush(&mut sink, &gate);
            }
        };
        gate.stop();
        outcome
    })
}

/// Results that came in out of order, and how many the sink has had.
struct InOrder<R> {
    waiting: BTreeMap<usize, R>,
    handed_out: usize,
}

impl<R> Default for InOrder<R> {
    fn default() -> Self {
        Self {
            waiting: BTreeMap::new(),
            handed_out: 0,
        }
    }
}

impl<R> InOrder<R> {
    fn extend(&mut self, results: impl IntoIterator<Item = (usize, R)>) {
        self.waiting.extend(results);
    }

    /// Hands the sink every result whose predecessors it has had, and tells the gate.
    fn flush<E>(
        &mut self,
        sink: &mut impl FnMut(R) -> Result<(), E>,
        gate: &Gate,
    ) -> Result<(), E> {
        let before = self.handed_out;
        while let Some(result) = self.waiting.remove(&self.handed_out) {
            sink(result)?;
            self.handed_out += 1;
        }
        if self.handed_out > before {
            gate.taken(self.handed_out);
        }
        Ok(())
    }
}

/// How many results the sink has taken, for the workers to stay within the lookahead.
#[derive(Default)]
struct Gate {
    /// How many results were taken, whether the run stopped, and how many workers wait.
    state: Mutex<GateState>,
    moved: Condvar,
}

#[derive(Default)]
struct GateState {
    taken: usize,
    stopped: bool,
    sleepers: usize,
}

impl Gate {
    /// Waits until item `i` is within `lookahead` of the sink; false when the run stopped.
    fn wait_for_room(&self, i: usize, lookahead: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.stopped && i >= state.taken + lookahead {
            state.sleepers += 1;
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
            state.sleepers -= 1;
        }
        !state.stopped
    }

    /// Records the sink's progress, waking workers only when some wait (a wake is a
    /// system call).
    fn taken(&self, count: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.taken = count;
        if state.sleepers > 0 {
            drop(state);
            self.moved.notify_all();
        }
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).stopped = true;
        self.moved.notify_all();
    }
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
    fn workers_stay_within_the_lookahead_of_the_sink() {
        let items: Vec<usize> = (0..3000).collect();
        let threads = 3;
        let consumed = AtomicUsize::new(0);
        let furthest = AtomicUsize::new(0);
        for_each_in_order(
            &items,
            threads,
            |&i| {
                // Item 0 is slow: the others must not pile up behind it.
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                let ahead = i.saturating_sub(consumed.load(Ordering::SeqCst));
                furthest.fetch_max(ahead, Ordering::SeqCst);
                i
            },
            |i| {
                consumed.store(i + 1, Ordering::SeqCst);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(consumed.load(Ordering::SeqCst), 3000);
        let bound = threads * LOOKAHEAD_PER_THREAD;
        assert!(
            furthest.load(Ordering::SeqCst) <= bound,
            "{furthest:?} > {bound}"
        );
        assert!(
            furthest.load(Ordering::SeqCst) >= 2,
            "the workers ran in parallel"
        );
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
