//! The documents the editor has open, as it last sent them, and the generations that make
//! older lint work stale: each edit, save or reload starts a new generation of a document,
//! and work for any older one is skipped before it starts and never published after.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use presslint::span::LineIndex;

use super::convert;
use super::lint::Linted;

pub struct Document {
    pub version: i32,
    pub text: Arc<String>,
    /// Why the text is not what the editor holds (bytes it sent that were not valid
    /// Unicode), until a change replaces the whole text.
    pub damage: Option<String>,
    /// The newest generation; shared with the lint work, which checks it before it starts.
    latest: Arc<AtomicU64>,
    /// The newest result published, which code actions and hovers read.
    pub linted: Option<Arc<Linted>>,
}

impl Document {
    /// The newest result, if it describes the text as it is now (no edit since).
    pub fn current(&self) -> Option<&Arc<Linted>> {
        let latest = self.latest.load(Ordering::Acquire);
        self.linted.as_ref().filter(|l| l.generation == latest)
    }
}

/// A claim on a document's newest generation, carried by lint work.
#[derive(Debug, Clone)]
pub struct Ticket {
    pub generation: u64,
    latest: Arc<AtomicU64>,
}

impl Ticket {
    /// Whether a newer generation of the document has begun (or the document was closed).
    pub fn superseded(&self) -> bool {
        self.latest.load(Ordering::Acquire) != self.generation
    }
}

#[derive(Default)]
pub struct Documents {
    open: HashMap<Uri, Document>,
    /// Generations are numbered across documents, so a reopened document never meets the
    /// number of an old result.
    generations: u64,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String, damage: Option<String>) {
        if let Some(old) = self.open.get(&uri) {
            old.latest.store(0, Ordering::Release);
        }
        let document = Document {
            version,
            text: Arc::new(text),
            damage,
            latest: Arc::new(AtomicU64::new(0)),
            linted: None,
        };
        self.open.insert(uri, document);
    }

    /// Applies the editor's changes in order: a change without a range replaces the text, one
    /// with a range replaces that range (the server asks for whole texts, but a client may send
    /// ranges anyway). A document not open is opened by a whole text; `false` when there is
    /// none to apply the changes to.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        damage: Option<String>,
    ) -> bool {
        if !self.open.contains_key(uri) {
            let Some(whole) = changes.iter().rposition(|c| c.range.is_none()) else {
                return false;
            };
            self.open(uri.clone(), version, String::new(), None);
            return self.change(uri, version, changes[whole..].to_vec(), damage);
        }
        let Some(document) = self.open.get_mut(uri) else {
            return false;
        };
        let mut text = document.text.as_str().to_owned();
        let mut damaged = document.damage.take();
        for change in changes {
            match change.range {
                None => {
                    text = change.text;
                    damaged = None;
                }
                Some(range) => {
                    let index = LineIndex::new(&text);
                    let start = index.offset_of_utf16(&text, convert::utf16(range.start));
                    let end = index.offset_of_utf16(&text, convert::utf16(range.end));
                    text.replace_range(start..end.max(start), &change.text);
                }
            }
        }
        document.version = version;
        document.text = Arc::new(text);
        document.damage = damage.or(damaged);
        true
    }

    /// Forgets a document; its pending work becomes stale.
    pub fn close(&mut self, uri: &Uri) {
        if let Some(document) = self.open.remove(uri) {
            document.latest.store(0, Ordering::Release);
        }
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri)
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.open.keys().cloned().collect()
    }

    /// Begins a new generation of `uri`'s document: the work of older ones is superseded.
    pub fn begin(&mut self, uri: &Uri) -> Option<Ticket> {
        let document = self.open.get(uri)?;
        self.generations += 1;
        document.latest.store(self.generations, Ordering::Release);
        Some(Ticket {
            generation: self.generations,
            latest: Arc::clone(&document.latest),
        })
    }

    /// Keeps a result if it is for the document's newest generation; `false` (and the result
    /// dropped) when it is stale.
    pub fn record(&mut self, linted: Arc<Linted>) -> bool {
        let Some(document) = self.open.get_mut(&linted.uri) else {
            return false;
        };
        if document.latest.load(Ordering::Acquire) != linted.generation {
            return false;
        }
        document.linted = Some(linted);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    fn whole(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn ranged_changes_count_utf16_units_and_whole_texts_clear_damage() {
        let uri = Uri::from_str("file:///r.txt").unwrap();
        let mut documents = Documents::default();
        documents.open(uri.clone(), 1, "𝐀 percent\n".into(), Some("bad".into()));
        let ranged = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 3), Position::new(0, 10))),
            range_length: None,
            text: "per cent".into(),
        };
        assert!(documents.change(&uri, 2, vec![ranged], None));
        let document = documents.get(&uri).unwrap();
        assert_eq!(document.text.as_str(), "𝐀 per cent\n");
        assert_eq!(document.damage.as_deref(), Some("bad"), "still damaged");
        assert!(documents.change(&uri, 3, vec![whole("new")], None));
        let document = documents.get(&uri).unwrap();
        assert_eq!((document.version, document.damage.as_deref()), (3, None));
    }

    #[test]
    fn a_new_generation_supersedes_older_work() {
        let uri = Uri::from_str("file:///r.txt").unwrap();
        let mut documents = Documents::default();
        assert!(
            !documents.change(&uri, 1, vec![], None),
            "nothing to open it"
        );
        assert!(documents.change(&uri, 1, vec![whole("a")], None), "opened");
        let first = documents.begin(&uri).unwrap();
        assert!(!first.superseded());
        let second = documents.begin(&uri).unwrap();
        assert!(first.superseded() && !second.superseded());
        documents.close(&uri);
        assert!(second.superseded());
        assert!(documents.begin(&uri).is_none());
    }
}
