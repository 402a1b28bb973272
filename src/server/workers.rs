//! The threads that lint (and build hover pages) so that the main loop stays free to read
//! the editor's messages: a fixed pool taking jobs from one queue, each sending what it made
//! back to the main loop.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::thread;

use crossbeam_channel::{Receiver, Sender};

use super::lint::Linted;

/// What a job hands back to the main loop.
pub enum Done {
    Linted(Linted),
    /// The answer to a request.
    Reply(lsp_server::Response),
}

pub type Job = Box<dyn FnOnce() -> Option<Done> + Send>;

pub struct Workers {
    jobs: Sender<Job>,
}

impl Workers {
    /// `count` threads (at least one) sending what their jobs make to `done`.
    pub fn start(count: usize, done: &Sender<Done>) -> Self {
        let (jobs, queue) = crossbeam_channel::unbounded::<Job>();
        for index in 0..count.max(1) {
            let (queue, done) = (queue.clone(), done.clone());
            // A thread that cannot start leaves the others; with none, jobs wait unanswered
            // and the editor shows no diagnostics, which is all that can be done.
            let _ = thread::Builder::new()
                .name(format!("lsp-worker-{index}"))
                .spawn(move || work(&queue, &done));
        }
        Self { jobs }
    }

    pub fn submit(&self, job: Job) {
        // The queue closes only when the workers are gone, and then there is no one to do it.
        let _ = self.jobs.send(job);
    }
}

fn work(queue: &Receiver<Job>, done: &Sender<Done>) {
    for job in queue {
        // Jobs catch their own panics to say so; this keeps the thread whatever happens.
        if let Ok(Some(result)) = catch_unwind(AssertUnwindSafe(job)) {
            if done.send(result).is_err() {
                return;
            }
        }
    }
}

/// How many workers: the cores, at most four (a release lints in milliseconds; more
/// threads would only wait on the same engine).
pub fn default_count() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(4))
}
